package dev.herald.workflows.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.channel.ChannelActivities;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.DeadLetterStatus;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.RedriveOutcome;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A re-drive sends the reopened delivery's batch of one, records a failure as any batch does, and always settles. */
class RedriveWorkflowTest {

  private static final String DELIVERY = "notification-ops~k/sms/0";
  private static final BatchRequest BATCH = new BatchRequest("notification-ops~k", "ops", Channel.SMS, 0, 1,
      new Content(null, "Hello"), null, List.of(), null, null, null, false);

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder().setDoNotStart(true).build();

  private final DeadLetterActivities deadLetters = mock(DeadLetterActivities.class, withSettings().withoutAnnotations());
  private final DeliveryLogActivities deliveryLog = mock(DeliveryLogActivities.class, withSettings().withoutAnnotations());
  private final ChannelActivities sms = mock(ChannelActivities.class, withSettings().withoutAnnotations());
  private TestWorkflowEnvironment env;

  @BeforeEach
  void startWorkers(TestWorkflowEnvironment env) {
    this.env = env;
    Worker orchestration = env.newWorker(TaskQueues.NOTIFICATIONS);
    orchestration.registerWorkflowImplementationTypes(RedriveWorkflowImpl.class);
    orchestration.registerActivitiesImplementations(deadLetters, deliveryLog);
    env.newWorker(Channels.of(Channel.SMS).taskQueue()).registerActivitiesImplementations(sms);
    env.start();
  }

  @Test
  void aReopenedDeliveryIsSentOnceOnItsChannelAndSettled() {
    when(deadLetters.reopenDeadLetter(DELIVERY)).thenReturn(BATCH);
    when(sms.sendBatch(BATCH)).thenReturn(new ChannelCounts(Channel.SMS, 1, 0, 1, 0, 0, 0, 0));
    RedriveOutcome sent = new RedriveOutcome(DELIVERY, DeliveryStatus.SENT, DeadLetterStatus.REDRIVEN, "SENT");
    when(deadLetters.settleDeadLetter(DELIVERY)).thenReturn(sent);

    assertThat(redrive()).isEqualTo(sent);
    verify(sms).sendBatch(BATCH);
    verify(deliveryLog, never()).failBatch(any(), any());
  }

  @Test
  void nothingIsSentWhenTheDeadLetterCannotBeReopened() {
    when(deadLetters.reopenDeadLetter(DELIVERY)).thenReturn(null);
    RedriveOutcome accepted = new RedriveOutcome(DELIVERY, DeliveryStatus.FAILED, DeadLetterStatus.REDRIVEN,
        "not sent again: the provider accepted it (message id SM1)");
    when(deadLetters.settleDeadLetter(DELIVERY)).thenReturn(accepted);

    assertThat(redrive()).isEqualTo(accepted);
    verify(sms, never()).sendBatch(any());
  }

  @Test
  void aPermanentFailureIsRecordedAsItsBatchsSoItIsDeadLetteredAgain() {
    DeliveryError invalid = new DeliveryError(DeliveryErrorType.INVALID_ADDRESS, "twilio-21211", "not a number", 1);
    when(deadLetters.reopenDeadLetter(DELIVERY)).thenReturn(BATCH);
    when(sms.sendBatch(BATCH)).thenThrow(ApplicationFailure.newNonRetryableFailureWithCause("not a number",
        DeliveryErrorType.INVALID_ADDRESS.name(), null, invalid));
    when(deliveryLog.failBatch(any(), any())).thenReturn(new ChannelCounts(Channel.SMS, 1, 0, 0, 0, 1, 0, 0));
    when(deadLetters.settleDeadLetter(DELIVERY))
        .thenReturn(new RedriveOutcome(DELIVERY, DeliveryStatus.FAILED, DeadLetterStatus.OPEN, "not a number"));

    assertThat(redrive().deadLetter()).isEqualTo(DeadLetterStatus.OPEN);
    verify(deliveryLog).failBatch(BATCH, invalid);
  }

  private RedriveOutcome redrive() {
    return env.getWorkflowClient().newWorkflowStub(RedriveWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(RedriveWorkflow.workflowId(DELIVERY)).setTaskQueue(TaskQueues.NOTIFICATIONS).build())
        .redrive(DELIVERY);
  }
}
