package dev.herald.activities.delivery;

import dev.herald.workflows.messages.ApprovalPolicy;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.PlannedDelivery;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.messages.Recipient;
import dev.herald.workflows.notification.NotificationIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Notifications and planned deliveries as the workflow hands them to the delivery log. */
final class DeliveryLogFixtures {

  static final Instant ACCEPTED_AT = Instant.parse("2025-03-01T09:00:00Z");

  private DeliveryLogFixtures() {}

  /** A notification with {@code recipients} email recipients, accepted at {@code acceptedAt}. */
  static NotificationSpec notification(String idempotencyKey, Instant acceptedAt, int recipients, Channel... channels) {
    List<Recipient> to = IntStream.range(0, recipients)
        .mapToObj(i -> Recipient.ofEmail("user" + i + "@example.com"))
        .toList();
    return new NotificationSpec(
        NotificationIds.fromIdempotencyKey(idempotencyKey),
        idempotencyKey,
        "billing-service",
        Arrays.asList(channels),
        to,
        new Content("Your invoice is ready", "Invoice #42 is ready."),
        Priority.NORMAL,
        null,
        new ApprovalPolicy(1_000, Duration.ofHours(1)),
        acceptedAt,
        "hash-" + idempotencyKey,
        null,
        null,
        null,
        null,
        null);
  }

  /** A broadcast of inline content to the recipient group {@code group}. */
  static NotificationSpec broadcast(String idempotencyKey, String group, Channel... channels) {
    NotificationSpec list = notification(idempotencyKey, ACCEPTED_AT, 0, channels);
    return new NotificationSpec(list.id(), idempotencyKey, list.sender(), list.channels(), List.of(), list.content(),
        list.priority(), null, list.approval(), ACCEPTED_AT, list.requestHash(), null, null, null, group, null);
  }

  static NotificationSpec notification(String idempotencyKey, int recipients) {
    return notification(idempotencyKey, ACCEPTED_AT, recipients, Channel.EMAIL);
  }

  /** One planned email per recipient, with the ids the workflow derives. */
  static List<PlannedDelivery> emailDeliveries(NotificationSpec spec) {
    return IntStream.range(0, spec.recipients().size())
        .mapToObj(i -> new PlannedDelivery(NotificationIds.delivery(spec.id(), Channel.EMAIL, i), spec.id(),
            Channel.EMAIL, spec.recipients().get(i).email(), i))
        .toList();
  }
}
