package dev.herald.workflows.notification;

import dev.herald.workflows.HeraldSearchAttributes;
import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.channel.ChannelActivities;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ApprovalPolicy;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelMode;
import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.DigestRule;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.messages.Recipient;
import dev.herald.workflows.messages.TemplateRef;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Shared fixtures of the notification workflow tests: environment wiring, specs, provider failures. */
final class TestNotifications {

  static final Duration APPROVAL_TIMEOUT = Duration.ofHours(24);
  /** The API key that asked for the test notifications that need approval, and one of an approving admin. */
  static final String REQUESTER_KEY = "requestr";
  static final String APPROVER_KEY = "approver";
  static final Instant ACCEPTED_AT = Instant.parse("2025-01-01T09:00:00Z");

  private TestNotifications() {}

  /**
   * A test environment (time skipping) that knows Herald's search attributes. It is started by
   * {@link #startWorkers}, once the mocks are registered.
   */
  static TestWorkflowExtension extension() {
    TestWorkflowExtension.Builder builder = TestWorkflowExtension.newBuilder().setDoNotStart(true);
    HeraldSearchAttributes.DEFINITIONS.forEach(builder::registerSearchAttribute);
    return builder.build();
  }

  /** Registers the workflow and the delivery log on the notifications queue, email on its own queue. */
  static void startWorkers(TestWorkflowEnvironment env, ChannelActivities email, DeliveryLogActivities deliveryLog,
      Object... moreActivities) {
    Worker notifications = env.newWorker(TaskQueues.NOTIFICATIONS);
    notifications.registerWorkflowImplementationTypes(NotificationWorkflowImpl.class);
    notifications.registerActivitiesImplementations(deliveryLog);
    if (moreActivities.length > 0) {
      notifications.registerActivitiesImplementations(moreActivities);
    }
    env.newWorker(Channels.of(Channel.EMAIL).taskQueue()).registerActivitiesImplementations(email);
    env.start();
  }

  /** As the API starts a notification: its id, queue and start search attributes ({@link NotificationStart}). */
  static WorkflowOptions optionsFor(NotificationSpec spec) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(spec.id())
        .setTaskQueue(TaskQueues.NOTIFICATIONS)
        .setTypedSearchAttributes(NotificationStart.searchAttributes(spec))
        .build();
  }

  /** An email notification sent now, to an audience too small to need approval. */
  static NotificationSpec emailTo(String key, String... addresses) {
    List<Recipient> recipients = Arrays.stream(addresses).map(Recipient::ofEmail).toList();
    return new NotificationSpec(
        NotificationIds.of("ops@herald.test", key),
        key,
        "ops@herald.test",
        List.of(Channel.EMAIL),
        recipients,
        new Content("Maintenance tonight", "The service is down from 22:00 to 23:00."),
        Priority.NORMAL,
        null,
        new ApprovalPolicy(100, APPROVAL_TIMEOUT),
        ACCEPTED_AT,
        "sha256:" + key,
        null,
        null,
        null,
        null,
        null, null, null);
  }

  /** {@code spec} as the door starts it: its content kept under its request hash, the input naming it by that key. */
  static NotificationSpec byKey(NotificationSpec spec) {
    return new NotificationSpec(spec.id(), spec.idempotencyKey(), spec.sender(), spec.channels(), spec.recipients(),
        null, spec.priority(), spec.sendAt(), spec.approval(), spec.acceptedAt(), spec.requestHash(),
        spec.channelMode(), spec.receiptWindow(), spec.template(), spec.group(), spec.resume(), spec.category(),
        spec.escalateAfter(), spec.digest(), spec.requestHash());
  }

  static NotificationSpec withApprovalThreshold(NotificationSpec spec, int threshold) {
    return new NotificationSpec(spec.id(), spec.idempotencyKey(), spec.sender(), spec.channels(), spec.recipients(),
        spec.content(), spec.priority(), spec.sendAt(), new ApprovalPolicy(threshold, APPROVAL_TIMEOUT, REQUESTER_KEY),
        spec.acceptedAt(), spec.requestHash(), spec.channelMode(), spec.receiptWindow(), spec.template(), spec.group(), spec.resume(), null, null);
  }

  /** The same notification with a template whose version asks for a digest (the recipients need ids). */
  static NotificationSpec digested(NotificationSpec spec, DigestRule rule) {
    List<Recipient> withIds = spec.recipients().stream()
        .map(r -> new Recipient(r.email().substring(0, r.email().indexOf('@')), r.email(), null, null, null, null))
        .toList();
    return new NotificationSpec(spec.id(), spec.idempotencyKey(), spec.sender(), spec.channels(), withIds, null,
        spec.priority(), spec.sendAt(), spec.approval(), spec.acceptedAt(), spec.requestHash(), spec.channelMode(),
        spec.receiptWindow(), new TemplateRef(rule.key(), 1, Map.of("text", "a reply")), null, null, "social", null,
        rule);
  }

  static NotificationSpec withSendAt(NotificationSpec spec, Instant sendAt) {
    return new NotificationSpec(spec.id(), spec.idempotencyKey(), spec.sender(), spec.channels(), spec.recipients(),
        spec.content(), spec.priority(), sendAt, spec.approval(), spec.acceptedAt(), spec.requestHash(),
        spec.channelMode(), spec.receiptWindow(), spec.template(), spec.group(), spec.resume(), spec.category(),
        spec.escalateAfter(), spec.digest());
  }

  /** One recipient reachable by SMS then email, in FALLBACK order, waiting up to {@code receiptWindow} for receipts. */
  static NotificationSpec smsThenEmail(String key, Duration receiptWindow) {
    return new NotificationSpec(NotificationIds.of("ops", key), key, "ops", List.of(Channel.SMS, Channel.EMAIL),
        List.of(new Recipient("user-1", "ada@example.com", "+14155550100", null, "en-US", null)),
        new Content("Heads up", "The service is down tonight."), Priority.NORMAL, null,
        new ApprovalPolicy(100, APPROVAL_TIMEOUT), ACCEPTED_AT, "sha256:" + key, ChannelMode.FALLBACK, receiptWindow, null, null, null, null, null);
  }

  /** One recipient reached by IN_APP, then EMAIL, then SMS, each after its wait unless acknowledged (ESCALATE). */
  static NotificationSpec escalating(String key, List<Duration> waits) {
    return new NotificationSpec(NotificationIds.of("ops", key), key, "ops", List.of(Channel.IN_APP, Channel.EMAIL, Channel.SMS),
        List.of(new Recipient("user-1", "ada@example.com", "+14155550100", null, "en-US", null)),
        new Content("Your server is down", "web-1 stopped answering."), Priority.HIGH, null,
        new ApprovalPolicy(100, APPROVAL_TIMEOUT), ACCEPTED_AT, "sha256:" + key, ChannelMode.ESCALATE, null, null, null,
        null, null, waits);
  }

  /** What the email activity throws for an address that can never receive (SMTP 550). */
  static ApplicationFailure invalidAddress(String address) {
    return ApplicationFailure.newNonRetryableFailure(
        "mailbox unavailable: " + address,
        DeliveryErrorType.INVALID_ADDRESS.name(),
        new DeliveryError(DeliveryErrorType.INVALID_ADDRESS, "550", "5.1.1 mailbox unavailable", 1));
  }

  /** What the email activity throws when the provider answers with a temporary error (SMTP 421). */
  static ApplicationFailure providerUnavailable(int attempt) {
    return ApplicationFailure.newFailure(
        "provider unavailable",
        DeliveryErrorType.PROVIDER_UNAVAILABLE.name(),
        new DeliveryError(DeliveryErrorType.PROVIDER_UNAVAILABLE, "421", "4.3.2 try again later", attempt));
  }
}
