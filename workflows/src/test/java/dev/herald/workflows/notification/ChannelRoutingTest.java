package dev.herald.workflows.notification;

import static dev.herald.workflows.notification.FakeDeliveryLog.permanent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.workflows.audience.PlannedDelivery;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.messages.ApprovalPolicy;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelMode;
import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.messages.Recipient;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Channels in FALLBACK order, receipts from the delivery log, opted-out recipients. */
class ChannelRoutingTest {

  private static final Duration RECEIPT_WINDOW = Duration.ofMinutes(10);

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestNotifications.extension();

  private final FakeDeliveryLog log = new FakeDeliveryLog();
  private volatile FakeDeliveryLog.Provider twilio = message -> "SM1";
  private volatile FakeDeliveryLog.Provider smtp = message -> "smtp-1";
  private WorkflowClient client;

  @BeforeEach
  void startWorkers(TestWorkflowEnvironment testEnv, WorkflowClient client) {
    this.client = client;
    testEnv.newWorker(Channels.of(Channel.SMS).taskQueue())
        .registerActivitiesImplementations(log.channel(Channel.SMS, message -> twilio.send(message)));
    TestNotifications.startWorkers(testEnv, log.channel(Channel.EMAIL, message -> smtp.send(message)), log);
  }

  @Test
  void fallbackSendsTheNextChannelWhenTheFirstFailsForGood() {
    NotificationSpec spec = smsThenEmail("fallback-next");
    twilio = message -> {
      throw permanent(DeliveryErrorType.INVALID_ADDRESS, "twilio-21211");
    };

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(result.failed()).isEqualTo(1);
    assertThat(log.row(spec.id() + "/sms/0").status).isEqualTo(DeliveryStatus.FAILED);
    assertThat(log.row(spec.id() + "/sms/0").errorCode).isEqualTo("twilio-21211");
    assertThat(log.row(spec.id() + "/email/0").status).isEqualTo(DeliveryStatus.SENT);
  }

  @Test
  void fallbackThatRunsOutOfChannelsFailsTheNotification() {
    NotificationSpec spec = smsThenEmail("fallback-exhausted");
    twilio = message -> {
      throw permanent(DeliveryErrorType.INVALID_ADDRESS, "twilio-21211");
    };
    smtp = message -> {
      throw permanent(DeliveryErrorType.INVALID_ADDRESS, "smtp-550");
    };

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(result.failed()).isEqualTo(2);
  }

  @Test
  void fallbackSkipsLaterChannelsWhenTheFirstGetsThrough() {
    NotificationSpec spec = withReceiptWindow(smsThenEmail("fallback-skip"), null);

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(result.skipped()).isEqualTo(1);
    assertThat(log.sent).extracting(PlannedDelivery::channel).containsExactly(Channel.SMS);
    assertThat(log.row(spec.id() + "/email/0").status).isEqualTo(DeliveryStatus.SKIPPED);
  }

  @Test
  void fallbackCountsRecipientsNotDeliveries() {
    NotificationSpec spec = withReceiptWindow(smsThenEmail("fallback-units"), null);
    twilio = message -> {
      throw permanent(DeliveryErrorType.INVALID_ADDRESS, "twilio-21211");
    };

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.status()).as("the recipient got the email").isEqualTo(NotificationStatus.COMPLETED);
    assertThat(log.calls).contains("countReach");
  }

  @Test
  void allModeSendsEveryChannel() {
    NotificationSpec spec = withMode(withReceiptWindow(smsThenEmail("all-channels"), null), ChannelMode.ALL);

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.sent()).isEqualTo(2);
    assertThat(log.sent).extracting(PlannedDelivery::channel).containsExactlyInAnyOrder(Channel.SMS, Channel.EMAIL);
  }

  @Test
  void aDeliveredReceiptInTheLogEndsTheWait() {
    NotificationSpec spec = smsOnly("receipt-delivered");
    WorkflowStub started = start(spec);
    awaitSent(spec.id() + "/sms/0");

    log.recordReceipt(new DeliveryReceipt(spec.id() + "/sms/0", "SM1", DeliveryStatus.DELIVERED, "delivered", null));

    NotificationResult result = started.getResult(NotificationResult.class);
    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(result.delivered()).isEqualTo(1);
  }

  @Test
  void anUndeliveredReceiptFailsTheDelivery() {
    NotificationSpec spec = smsOnly("receipt-undelivered");
    WorkflowStub started = start(spec);
    awaitSent(spec.id() + "/sms/0");

    log.recordReceipt(new DeliveryReceipt(spec.id() + "/sms/0", "SM1", DeliveryStatus.FAILED, "undelivered", "30003"));

    NotificationResult result = started.getResult(NotificationResult.class);
    assertThat(result.status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(result.failed()).isEqualTo(1);
    assertThat(result.sent()).isZero();
  }

  @Test
  void aRepeatedFinalReceiptCountsOnce() {
    NotificationSpec spec = smsOnly("receipt-twice", "+14155550101", "+14155550102");
    WorkflowStub started = start(spec);
    awaitSent(spec.id() + "/sms/0");
    awaitSent(spec.id() + "/sms/1");
    var delivered = new DeliveryReceipt(spec.id() + "/sms/0", "SM1", DeliveryStatus.DELIVERED, "delivered", null);

    log.recordReceipt(delivered);
    log.recordReceipt(delivered);
    log.recordReceipt(new DeliveryReceipt(spec.id() + "/sms/1", "SM2", DeliveryStatus.DELIVERED, "delivered", null));

    assertThat(started.getResult(NotificationResult.class).delivered()).isEqualTo(2);
  }

  @Test
  void withoutReceiptsTheNotificationCompletesWhenTheWindowCloses() {
    NotificationSpec spec = smsOnly("receipt-none");

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(result.sent()).isEqualTo(1);
    assertThat(result.delivered()).isZero();
  }

  @Test
  void optedOutRecipientIsSkippedNotFailed() {
    NotificationSpec spec = smsOnly("opted-out");
    twilio = message -> {
      throw permanent(DeliveryErrorType.RECIPIENT_OPTED_OUT, "twilio-21610");
    };

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(result.skipped()).isEqualTo(1);
    assertThat(log.statuses).endsWith(NotificationStatus.COMPLETED);
  }

  private WorkflowStub start(NotificationSpec spec) {
    NotificationWorkflow workflow = newWorkflow(spec);
    WorkflowClient.start(workflow::send, spec);
    return WorkflowStub.fromTyped(workflow);
  }

  private void awaitSent(String deliveryId) {
    await().atMost(Duration.ofSeconds(5))
        .until(() -> log.row(deliveryId) != null && log.row(deliveryId).status == DeliveryStatus.SENT);
  }

  private NotificationWorkflow newWorkflow(NotificationSpec spec) {
    return client.newWorkflowStub(NotificationWorkflow.class, TestNotifications.optionsFor(spec));
  }

  private static NotificationSpec smsOnly(String key, String... phones) {
    String[] numbers = phones.length == 0 ? new String[] {"+14155550100"} : phones;
    List<Recipient> recipients = java.util.Arrays.stream(numbers)
        .map(phone -> new Recipient(null, null, phone, null, "en-US", null)).toList();
    return spec(key, List.of(Channel.SMS), recipients, ChannelMode.ALL);
  }

  private static NotificationSpec smsThenEmail(String key) {
    return TestNotifications.smsThenEmail(key, RECEIPT_WINDOW);
  }

  private static NotificationSpec spec(String key, List<Channel> channels, List<Recipient> recipients, ChannelMode mode) {
    return new NotificationSpec(NotificationIds.of("ops", key), key, "ops", channels, recipients,
        new Content("Heads up", "The service is down tonight."), Priority.NORMAL, null,
        new ApprovalPolicy(100, Duration.ofHours(1)), TestNotifications.ACCEPTED_AT, "sha256:" + key, mode, RECEIPT_WINDOW, null, null, null, null, null);
  }

  private static NotificationSpec withReceiptWindow(NotificationSpec s, Duration window) {
    return new NotificationSpec(s.id(), s.idempotencyKey(), s.sender(), s.channels(), s.recipients(), s.content(),
        s.priority(), s.sendAt(), s.approval(), s.acceptedAt(), s.requestHash(), s.channelMode(), window, s.template(), null, null, null, null);
  }

  private static NotificationSpec withMode(NotificationSpec s, ChannelMode mode) {
    return new NotificationSpec(s.id(), s.idempotencyKey(), s.sender(), s.channels(), s.recipients(), s.content(),
        s.priority(), s.sendAt(), s.approval(), s.acceptedAt(), s.requestHash(), mode, s.receiptWindow(), s.template(), null, null, null, null);
  }
}
