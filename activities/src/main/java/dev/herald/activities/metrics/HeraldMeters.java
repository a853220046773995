package dev.herald.activities.metrics;

/**
 * Herald's meter and tag names, the one source for the code, the Grafana dashboard, the alert rules
 * and their test (ops/). Micrometer's dotted names; Prometheus writes {@code herald.deliveries} as
 * {@code herald_deliveries_total}, a timer in seconds as {@code herald_delivery_seconds_*}.
 */
public final class HeraldMeters {

  /** Counter: a delivery's state changes, from the delivery events outbox ({@code herald_deliveries_total}). */
  public static final String DELIVERIES = "herald.deliveries";
  /** Counter: each send handed to a provider, retries included ({@code herald_delivery_attempts_total}). */
  public static final String ATTEMPTS = "herald.delivery.attempts";
  /** Counter: each send a provider refused or that failed, by its code ({@code herald_provider_errors_total}). */
  public static final String PROVIDER_ERRORS = "herald.provider.errors";
  /** Timer: from when a delivery was due to its provider's acceptance or receipt ({@code herald_delivery_seconds}). */
  public static final String DELIVERY_TIME = "herald.delivery";
  /** Distribution summary: a request's size as it reached the door ({@code herald_request_bytes}). */
  public static final String REQUEST_SIZE = "herald.request";
  /** Distribution summary: a rendered message's size, UTF-8 ({@code herald_message_bytes}). */
  public static final String MESSAGE_SIZE = "herald.message";
  /** Counter: notifications accepted (new ones, not repeats) ({@code herald_notifications_accepted_total}). */
  public static final String ACCEPTED = "herald.notifications.accepted";
  /** Gauge: a consumer group's lag on a partition of a request topic ({@code herald_kafka_consumer_lag}). */
  public static final String CONSUMER_LAG = "herald.kafka.consumer.lag";
  /** Gauge: tasks waiting in a task queue, workflow and activity tasks ({@code herald_task_queue_backlog}). */
  public static final String TASK_QUEUE_BACKLOG = "herald.task.queue.backlog";
  /** Gauge: how long the oldest task of a task queue has waited ({@code herald_task_queue_backlog_age_seconds}). */
  public static final String TASK_QUEUE_BACKLOG_AGE = "herald.task.queue.backlog.age.seconds";
  /** Gauge: notifications waiting for approval, a send time or quiet hours ({@code herald_notifications_waiting}). */
  public static final String WAITING = "herald.notifications.waiting";
  /** Gauge: how long the oldest of them has waited ({@code herald_notifications_waiting_age_seconds}). */
  public static final String WAITING_AGE = "herald.notifications.waiting.age.seconds";
  /** Gauge: dead letters still open ({@code herald_dead_letters_open}). */
  public static final String DEAD_LETTERS_OPEN = "herald.dead.letters.open";

  /**
   * Counter: lower-ranked work giving way to higher-ranked work in this process, by {@code kind}
   * ({@code member} of a broadcast, {@code event} of a Kafka lane, {@code relay} read)
   * ({@code herald_precedence_pauses_total}).
   */
  public static final String PRECEDENCE_PAUSES = "herald.precedence.pauses";

  public static final String CHANNEL = "channel";
  public static final String PRIORITY = "priority";
  public static final String PROVIDER = "provider";
  public static final String SENDER = "sender";
  public static final String OUTCOME = "outcome";
  public static final String REASON = "reason";
  public static final String CODE = "code";
  public static final String STAGE = "stage";
  public static final String SOURCE = "source";
  public static final String TOPIC = "topic";
  public static final String PARTITION = "partition";
  public static final String GROUP = "group";
  public static final String TASK_QUEUE = "task_queue";
  public static final String STATE = "state";
  public static final String KIND = "kind";

  /** A tag value beyond a bound ({@link BoundedValues}). */
  public static final String OTHER = "other";
  /** A tag without a value here, e.g. the reason of an outcome that is not a skip. */
  public static final String NONE = "none";

  private HeraldMeters() {}
}
