package dev.herald.workflows.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.channel.ChannelActivities;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.OutgoingMessage;
import dev.herald.workflows.messages.ApprovalPolicy;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelMode;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.messages.ProviderReceipt;
import dev.herald.workflows.messages.Recipient;
import dev.herald.workflows.messages.RenderedMessage;
import dev.herald.workflows.messages.TemplateRef;
import dev.herald.workflows.template.TemplateActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/** Notifications from a template: rendered once per channel and locale; a render error sends nothing. */
class TemplateSendTest {

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestNotifications.extension();

  private final ChannelActivities email = mock(ChannelActivities.class, withSettings().withoutAnnotations());
  private final TemplateActivities templates = mock(TemplateActivities.class, withSettings().withoutAnnotations());
  private final DeliveryLogActivities deliveryLog = mock(DeliveryLogActivities.class, withSettings().withoutAnnotations());
  private WorkflowClient client;

  @BeforeEach
  void startWorkers(TestWorkflowEnvironment testEnv, WorkflowClient client) {
    this.client = client;
    Worker notifications = testEnv.newWorker(TaskQueues.NOTIFICATIONS);
    notifications.registerWorkflowImplementationTypes(NotificationWorkflowImpl.class);
    notifications.registerActivitiesImplementations(deliveryLog, templates);
    testEnv.newWorker(Channels.of(Channel.EMAIL).taskQueue()).registerActivitiesImplementations(email);
    testEnv.start();
  }

  @Test
  void templateIsRenderedOncePerChannelAndLocale() {
    NotificationSpec spec = templated("template-locales", "ko-KR", "ko-KR", "en-US");
    when(templates.renderTemplate(any(), eq(Channel.EMAIL), eq("ko-KR")))
        .thenReturn(new RenderedMessage(null, "주문 #42 발송", "텍스트", "<p>주문 #42</p>"));
    when(templates.renderTemplate(any(), eq(Channel.EMAIL), eq("en-US")))
        .thenReturn(new RenderedMessage(null, "Order #42 shipped", "text", "<p>Order #42</p>"));
    when(email.send(any())).thenReturn(new ProviderReceipt("smtp-1", 1));

    NotificationResult result = workflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    verify(templates, times(2)).renderTemplate(any(), any(), any());
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(email, times(3)).send(sent.capture());
    assertThat(sent.getAllValues()).extracting(m -> m.content().subject())
        .containsExactlyInAnyOrder("주문 #42 발송", "주문 #42 발송", "Order #42 shipped");
    assertThat(sent.getAllValues()).extracting(m -> m.content().html()).contains("<p>Order #42</p>");
  }

  @Test
  void missingVariableFailsTheNotificationWithoutSending() {
    NotificationSpec spec = templated("template-missing", "en-US");
    when(templates.renderTemplate(any(), any(), any())).thenThrow(ApplicationFailure.newNonRetryableFailure(
        "missing variable 'order.id' in email.subject", DeliveryErrorType.TEMPLATE_ERROR.name(),
        new DeliveryError(DeliveryErrorType.TEMPLATE_ERROR, "template-missing-variable",
            "missing variable 'order.id' in email.subject", 1)));

    NotificationResult result = workflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.FAILED);
    verify(email, never()).send(any());
    verify(templates).renderTemplate(any(), any(), any());
    verify(deliveryLog).recordFinished(eq(spec.id()), eq(NotificationStatus.FAILED), any(), argThat(o ->
        o.status() == DeliveryStatus.FAILED && "template-missing-variable".equals(o.errorCode())
            && o.lastError().contains("order.id")));
  }

  private NotificationWorkflow workflow(NotificationSpec spec) {
    return client.newWorkflowStub(NotificationWorkflow.class, TestNotifications.optionsFor(spec));
  }

  private static NotificationSpec templated(String key, String... locales) {
    List<Recipient> recipients = java.util.stream.IntStream.range(0, locales.length)
        .mapToObj(i -> new Recipient("user-" + i, "user" + i + "@example.com", null, null, locales[i])).toList();
    return new NotificationSpec(NotificationIds.fromIdempotencyKey(key), key, "shop", List.of(Channel.EMAIL), recipients,
        null, Priority.NORMAL, null, new ApprovalPolicy(100, Duration.ofHours(1)), TestNotifications.ACCEPTED_AT,
        "sha256:" + key, ChannelMode.ALL, null, new TemplateRef("order-shipped", 3, Map.of("order", Map.of("id", 42))), null, null);
  }
}
