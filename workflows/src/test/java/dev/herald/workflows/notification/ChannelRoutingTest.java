package dev.herald.workflows.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
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
import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.messages.ProviderReceipt;
import dev.herald.workflows.messages.Recipient;
import dev.herald.workflows.channel.ChannelActivities;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.messages.Channel;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Channels in FALLBACK order, receipts by signal, opted-out recipients. */
class ChannelRoutingTest {

  private static final long REACHED_MS = 5_000;
  private static final Duration RECEIPT_WINDOW = Duration.ofMinutes(10);

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestNotifications.extension();

  private final ChannelActivities email = mock(ChannelActivities.class, withSettings().withoutAnnotations());
  private final ChannelActivities sms = mock(ChannelActivities.class, withSettings().withoutAnnotations());
  private final DeliveryLogActivities deliveryLog = mock(DeliveryLogActivities.class, withSettings().withoutAnnotations());
  private WorkflowClient client;

  @BeforeEach
  void startWorkers(TestWorkflowEnvironment testEnv, WorkflowClient client) {
    this.client = client;
    testEnv.newWorker(Channels.of(Channel.SMS).taskQueue()).registerActivitiesImplementations(sms);
    TestNotifications.startWorkers(testEnv, email, deliveryLog);
  }

  @Test
  void fallbackSendsTheNextChannelWhenTheFirstFailsForGood() {
    NotificationSpec spec = smsThenEmail("fallback-next");
    when(sms.send(any())).thenThrow(permanent(DeliveryErrorType.INVALID_ADDRESS, "twilio-21211"));
    when(email.send(any())).thenReturn(new ProviderReceipt("smtp-1", 1));

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(result.failed()).isEqualTo(1);
    verify(email).send(any());
    verify(deliveryLog).recordDelivery(argThat(o -> o.deliveryId().equals(spec.id() + "/sms/0")
        && o.status() == DeliveryStatus.FAILED && "twilio-21211".equals(o.errorCode())));
    verify(deliveryLog).recordDelivery(argThat(o -> o.deliveryId().equals(spec.id() + "/email/0")
        && o.status() == DeliveryStatus.SENT));
  }

  @Test
  void fallbackThatRunsOutOfChannelsFailsTheNotification() {
    NotificationSpec spec = smsThenEmail("fallback-exhausted");
    when(sms.send(any())).thenThrow(permanent(DeliveryErrorType.INVALID_ADDRESS, "twilio-21211"));
    when(email.send(any())).thenThrow(permanent(DeliveryErrorType.INVALID_ADDRESS, "smtp-550"));

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(result.failed()).isEqualTo(2);
  }

  @Test
  void fallbackSkipsLaterChannelsWhenTheFirstGetsThrough() {
    NotificationSpec spec = withReceiptWindow(smsThenEmail("fallback-skip"), null);
    when(sms.send(any())).thenReturn(new ProviderReceipt("SM1", 1));

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(result.skipped()).isEqualTo(1);
    verify(email, never()).send(any());
    verify(deliveryLog).recordDelivery(argThat(o -> o.deliveryId().equals(spec.id() + "/email/0")
        && o.status() == DeliveryStatus.SKIPPED));
  }

  @Test
  void allModeSendsEveryChannel() {
    NotificationSpec spec = withMode(withReceiptWindow(smsThenEmail("all-channels"), null), ChannelMode.ALL);
    when(sms.send(any())).thenReturn(new ProviderReceipt("SM1", 1));
    when(email.send(any())).thenReturn(new ProviderReceipt("smtp-1", 1));

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.sent()).isEqualTo(2);
    verify(email).send(any());
  }

  @Test
  void deliveredReceiptIsRecordedAndEndsTheWait() {
    NotificationSpec spec = smsOnly("receipt-delivered");
    when(sms.send(any())).thenReturn(new ProviderReceipt("SM1", 1));
    NotificationWorkflowStub started = start(spec);
    verify(deliveryLog, timeout(REACHED_MS)).recordDelivery(argThat(o -> o.status() == DeliveryStatus.SENT));

    started.workflow().receipt(new DeliveryReceipt(spec.id() + "/sms/0", "SM1", DeliveryStatus.DELIVERED, "delivered", null));

    NotificationResult result = started.stub().getResult(NotificationResult.class);
    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(result.delivered()).isEqualTo(1);
    verify(deliveryLog).recordReceipt(argThat(r -> r.status() == DeliveryStatus.DELIVERED));
  }

  @Test
  void undeliveredReceiptFailsTheDelivery() {
    NotificationSpec spec = smsOnly("receipt-undelivered");
    when(sms.send(any())).thenReturn(new ProviderReceipt("SM1", 1));
    NotificationWorkflowStub started = start(spec);
    verify(deliveryLog, timeout(REACHED_MS)).recordDelivery(argThat(o -> o.status() == DeliveryStatus.SENT));

    started.workflow().receipt(new DeliveryReceipt(spec.id() + "/sms/0", "SM1", DeliveryStatus.FAILED, "undelivered", "30003"));

    NotificationResult result = started.stub().getResult(NotificationResult.class);
    assertThat(result.status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(result.failed()).isEqualTo(1);
    assertThat(result.sent()).isZero();
  }

  @Test
  void repeatedFinalReceiptCountsOnce() {
    NotificationSpec spec = smsOnly("receipt-twice", "+14155550101", "+14155550102");
    when(sms.send(any())).thenReturn(new ProviderReceipt("SM1", 1));
    NotificationWorkflowStub started = start(spec);
    verify(deliveryLog, timeout(REACHED_MS).times(2)).recordDelivery(argThat(o -> o.status() == DeliveryStatus.SENT));
    var delivered = new DeliveryReceipt(spec.id() + "/sms/0", "SM1", DeliveryStatus.DELIVERED, "delivered", null);

    started.workflow().receipt(delivered);
    started.workflow().receipt(delivered);
    started.workflow().receipt(new DeliveryReceipt(spec.id() + "/sms/1", "SM2", DeliveryStatus.DELIVERED, "delivered", null));

    assertThat(started.stub().getResult(NotificationResult.class).delivered()).isEqualTo(2);
  }

  @Test
  void withoutReceiptsTheNotificationCompletesWhenTheWindowCloses() {
    NotificationSpec spec = smsOnly("receipt-none");
    when(sms.send(any())).thenReturn(new ProviderReceipt("SM1", 1));

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(result.sent()).isEqualTo(1);
    assertThat(result.delivered()).isZero();
    verify(deliveryLog, never()).recordReceipt(any());
  }

  @Test
  void optedOutRecipientIsSkippedNotFailed() {
    NotificationSpec spec = smsOnly("opted-out");
    when(sms.send(any())).thenThrow(permanent(DeliveryErrorType.RECIPIENT_OPTED_OUT, "twilio-21610"));

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(result.skipped()).isEqualTo(1);
    verify(sms).send(any());
    verify(deliveryLog).recordStatus(eq(spec.id()), eq(NotificationStatus.COMPLETED), any());
  }

  private record NotificationWorkflowStub(NotificationWorkflow workflow, WorkflowStub stub) {}

  private NotificationWorkflowStub start(NotificationSpec spec) {
    NotificationWorkflow workflow = newWorkflow(spec);
    WorkflowClient.start(workflow::send, spec);
    return new NotificationWorkflowStub(workflow, WorkflowStub.fromTyped(workflow));
  }

  private NotificationWorkflow newWorkflow(NotificationSpec spec) {
    return client.newWorkflowStub(NotificationWorkflow.class, TestNotifications.optionsFor(spec));
  }

  private static NotificationSpec smsOnly(String key, String... phones) {
    String[] numbers = phones.length == 0 ? new String[] {"+14155550100"} : phones;
    List<Recipient> recipients = java.util.Arrays.stream(numbers)
        .map(phone -> new Recipient(null, null, phone, null, "en-US")).toList();
    return spec(key, List.of(Channel.SMS), recipients, ChannelMode.ALL);
  }

  private static NotificationSpec smsThenEmail(String key) {
    return TestNotifications.smsThenEmail(key, RECEIPT_WINDOW);
  }

  private static NotificationSpec spec(String key, List<Channel> channels, List<Recipient> recipients, ChannelMode mode) {
    return new NotificationSpec(NotificationIds.fromIdempotencyKey(key), key, "ops", channels, recipients,
        new Content("Heads up", "The service is down tonight."), Priority.NORMAL, null,
        new ApprovalPolicy(100, Duration.ofHours(1)), TestNotifications.ACCEPTED_AT, "sha256:" + key, mode, RECEIPT_WINDOW, null, null, null);
  }

  private static NotificationSpec withReceiptWindow(NotificationSpec s, Duration window) {
    return new NotificationSpec(s.id(), s.idempotencyKey(), s.sender(), s.channels(), s.recipients(), s.content(),
        s.priority(), s.sendAt(), s.approval(), s.acceptedAt(), s.requestHash(), s.channelMode(), window, s.template(), null, null);
  }

  private static NotificationSpec withMode(NotificationSpec s, ChannelMode mode) {
    return new NotificationSpec(s.id(), s.idempotencyKey(), s.sender(), s.channels(), s.recipients(), s.content(),
        s.priority(), s.sendAt(), s.approval(), s.acceptedAt(), s.requestHash(), mode, s.receiptWindow(), s.template(), null, null);
  }

  private static ApplicationFailure permanent(DeliveryErrorType type, String providerCode) {
    return ApplicationFailure.newNonRetryableFailure(type.name(), type.name(),
        new DeliveryError(type, providerCode, type.name().toLowerCase(), 1));
  }
}
