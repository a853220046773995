package dev.herald.activities.events;

/**
 * What happened to a delivery, as its event says ({@code ce_type} {@code dev.herald.delivery.<name>}).
 * The first six are written by the delivery log's triggers (V25); the dead-letter store records the
 * next two through {@link DeliveryEvents#record}; READ is an inbox item read.
 */
public enum DeliveryEventType {
  ACCEPTED("accepted"),
  SENT("sent"),
  DELIVERED("delivered"),
  FAILED("failed"),
  SKIPPED("skipped"),
  CANCELLED("cancelled"),
  DEAD_LETTERED("dead-lettered"),
  REDRIVEN("re-driven"),
  READ("read");

  private static final String TYPE_PREFIX = "dev.herald.delivery.";

  private final String eventName;

  DeliveryEventType(String eventName) {
    this.eventName = eventName;
  }

  /** The name in the event's body, e.g. {@code dead-lettered}. */
  public String eventName() {
    return eventName;
  }

  /** The CloudEvents type, e.g. {@code dev.herald.delivery.dead-lettered}. */
  public String cloudEventType() {
    return TYPE_PREFIX + eventName;
  }
}
