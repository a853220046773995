package dev.herald.workflows.notification;

import dev.herald.workflows.audience.AudienceRules;
import dev.herald.workflows.audience.PlannedDelivery;
import dev.herald.workflows.channel.ChannelActivities;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.Audience;
import dev.herald.workflows.messages.BatchOutcome;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.QuietWait;
import dev.herald.workflows.messages.Reach;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * An in-memory delivery log for workflow tests of notifications to recipient lists, planned by the
 * real {@link AudienceRules}, with channels whose batches send each delivery through a scripted
 * {@link Provider} as the real batch sender does: claimed before the send, recorded as it ended
 * (even when a cancel released it meanwhile), permanent failures recorded, transient ones left
 * PENDING with the batch failing retryably. Every method the workflow called is in {@link #calls}.
 */
final class FakeDeliveryLog implements DeliveryLogActivities {

  /**
   * A provider's answer to one delivery: its message id, or an {@code ApplicationFailure} as a channel
   * adapter throws it.
   */
  @FunctionalInterface
  interface Provider {
    String send(PlannedDelivery delivery);
  }

  /** One delivery as the log holds it. */
  static final class Row {
    final PlannedDelivery planned;
    DeliveryStatus status = DeliveryStatus.PENDING;
    int attempts;
    String providerMessageId;
    String errorCode;
    String lastError;
    boolean claimed;
    Instant notBefore;
    /** Read (in-app) or confirmed by a receipt: what an escalation waits for. */
    boolean acknowledged;

    Row(PlannedDelivery planned) {
      this.planned = planned;
    }
  }

  final List<String> calls = new CopyOnWriteArrayList<>();
  /** Every batch the channels were asked to send, as asked. */
  final List<BatchRequest> batches = new CopyOnWriteArrayList<>();
  final List<NotificationStatus> statuses = new CopyOnWriteArrayList<>();
  final List<String> details = new CopyOnWriteArrayList<>();
  final List<ApprovalDecision> approvals = new CopyOnWriteArrayList<>();
  final List<PlannedDelivery> sent = new CopyOnWriteArrayList<>();
  private final Map<String, Row> rows = new LinkedHashMap<>();
  /** Quiet hours by address: deliveries to it are held back until then. */
  private final Map<String, Instant> quiet = new HashMap<>();
  private List<Channel> channels = List.of();

  /** Holds recordAudience before it writes anything, for a test that acts while the audience is being recorded. */
  volatile CountDownLatch audienceWrites = new CountDownLatch(0);
  final CountDownLatch audienceAsked = new CountDownLatch(1);

  @Override
  public Audience recordAudience(NotificationSpec spec, NotificationStatus status) {
    audienceAsked.countDown();
    try {
      audienceWrites.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return writeAudience(spec, status);
  }

  private synchronized Audience writeAudience(NotificationSpec spec, NotificationStatus status) {
    calls.add("recordAudience");
    statuses.add(status);
    channels = spec.channels();
    List<PlannedDelivery> planned = AudienceRules.ofList(spec.id(), spec.channels(), spec.recipients());
    planned.forEach(delivery -> rows.putIfAbsent(delivery.id(), new Row(delivery)));
    return new Audience(spec.recipients().size(), spec.channels().stream()
        .map(channel -> ChannelCounts.reserved(channel,
            (int) planned.stream().filter(delivery -> delivery.channel() == channel).count()))
        .toList());
  }

  @Override
  public synchronized ChannelCounts failBatch(BatchRequest batch, DeliveryError error) {
    calls.add("failBatch");
    for (Row row : range(batch)) {
      if (row.status == DeliveryStatus.PENDING) {
        failed(row, error);
      }
    }
    return counts(range(batch), batch.channel());
  }

  @Override
  public synchronized List<ChannelCounts> countDeliveries(String notificationId) {
    calls.add("countDeliveries");
    return channels.stream().map(channel -> counts(rows.values().stream()
        .filter(row -> row.planned.channel() == channel).toList(), channel)).toList();
  }

  @Override
  public synchronized Reach countReach(String notificationId, boolean byRecipient) {
    calls.add("countReach");
    Map<Integer, boolean[]> units = new LinkedHashMap<>();
    int unit = 0;
    for (Row row : rows.values()) {
      boolean[] reachedFailed = units.computeIfAbsent(byRecipient ? row.planned.seq() : unit++, key -> new boolean[2]);
      reachedFailed[0] |= row.status == DeliveryStatus.SENT || row.status == DeliveryStatus.DELIVERED;
      reachedFailed[1] |= row.status == DeliveryStatus.FAILED;
    }
    int reached = (int) units.values().stream().filter(u -> u[0]).count();
    int unreached = (int) units.values().stream().filter(u -> !u[0] && u[1]).count();
    return new Reach(reached, unreached);
  }

  @Override
  public synchronized int countAwaitingReceipts(String notificationId) {
    calls.add("countAwaitingReceipts");
    return (int) rows.values().stream()
        .filter(row -> row.status == DeliveryStatus.SENT && Channels.of(row.planned.channel()).receipts()).count();
  }

  @Override
  public void recordStatus(String notificationId, NotificationStatus status, String detail) {
    calls.add("recordStatus");
    statuses.add(status);
    details.add(String.valueOf(detail));
  }

  @Override
  public void recordApproval(String notificationId, ApprovalDecision decision) {
    calls.add("recordApproval");
    approvals.add(decision);
  }

  /** As the webhook records it: forward only. */
  @Override
  public synchronized void recordReceipt(DeliveryReceipt receipt) {
    Row row = rows.get(receipt.deliveryId());
    if (row != null && (row.status == DeliveryStatus.PENDING || row.status == DeliveryStatus.SENT)) {
      row.status = receipt.status();
      row.errorCode = receipt.errorCode() != null ? receipt.errorCode() : row.errorCode;
    }
  }

  @Override
  public synchronized int countUnacknowledged(String notificationId, List<Channel> channels) {
    calls.add("countUnacknowledged");
    return (int) rows.values().stream().map(row -> row.planned.seq()).distinct()
        .filter(seq -> rows.values().stream().noneMatch(row -> row.planned.seq() == seq
            && channels.contains(row.planned.channel()) && (row.acknowledged || row.status == DeliveryStatus.DELIVERED)))
        .count();
  }

  @Override
  public synchronized QuietWait quietWait(String notificationId, int batchSize) {
    calls.add("quietWait");
    List<Row> held = rows.values().stream()
        .filter(row -> row.status == DeliveryStatus.PENDING && row.notBefore != null).toList();
    if (held.isEmpty()) {
      return QuietWait.NONE;
    }
    return new QuietWait(held.size(), held.stream().map(row -> row.notBefore).min(Instant::compareTo).orElseThrow(),
        held.stream().map(row -> row.planned.seq() / batchSize).distinct().sorted().toList());
  }

  @Override
  public synchronized int releasePending(String notificationId, String reason) {
    calls.add("releasePending");
    int released = 0;
    for (Row row : rows.values()) {
      if (row.status == DeliveryStatus.PENDING) {
        row.status = DeliveryStatus.CANCELLED;
        row.lastError = reason;
        released++;
      }
    }
    return released;
  }

  /** As a digest hand-over marks a member's deliveries: those still PENDING become SKIPPED with {@code errorCode}. */
  synchronized void skipMember(int seq, String errorCode) {
    rows.values().stream().filter(row -> row.planned.seq() == seq && row.status == DeliveryStatus.PENDING)
        .forEach(row -> {
          row.status = DeliveryStatus.SKIPPED;
          row.errorCode = errorCode;
        });
  }

  synchronized Row row(String deliveryId) {
    return rows.get(deliveryId);
  }

  synchronized List<DeliveryStatus> statusesOf(Channel channel) {
    return rows.values().stream().filter(row -> row.planned.channel() == channel).map(row -> row.status).toList();
  }

  /** One channel's batches over this log, each delivery answered by {@code provider}. */
  ChannelActivities channel(Channel channel, Provider provider) {
    return new ChannelActivities() {
      @Override
      public ChannelCounts sendBatch(BatchRequest batch) {
        return send(batch, channel, provider, false).counts();
      }

      @Override
      public BatchOutcome sendBatchAfterQuietHours(BatchRequest batch) {
        return send(batch, channel, provider, true);
      }
    };
  }

  /** The recipient read the delivery's in-app item (or a receipt confirmed it). */
  synchronized void acknowledge(String deliveryId) {
    rows.get(deliveryId).acknowledged = true;
  }

  /** Holds deliveries to {@code address} back until {@code until} (its quiet hours), as the batch gate would. */
  synchronized void quietUntil(String address, Instant until) {
    quiet.put(address, until);
  }

  /** The batch as the real batch sender runs it; with {@code holdQuiet}, deliveries in quiet hours wait. */
  private BatchOutcome send(BatchRequest batch, Channel channel, Provider provider, boolean holdQuiet) {
    batches.add(batch);
    int attempt = Activity.getExecutionContext().getInfo().getAttempt();
    List<Row> toSend = new ArrayList<>();
    int held = 0;
    synchronized (this) {
      for (Row row : range(batch)) {
        if (row.status != DeliveryStatus.PENDING) {
          continue;
        }
        Channel reachedBy = reachedBy(batch, row.planned.seq());
        if (reachedBy != null) {
          record(row, DeliveryStatus.SKIPPED, 0, null, null, batch.acknowledged()
                ? "escalation not needed: acknowledged on " + reachedBy : "fallback not needed: sent by " + reachedBy);
        } else {
          Instant until = quiet.get(row.planned.address());
          if (holdQuiet && until != null && batch.at() != null && batch.at().isBefore(until)) {
            row.notBefore = until;
            held++;
          } else {
            row.claimed = true;
            toSend.add(row);
          }
        }
      }
    }
    ApplicationFailure retry = null;
    for (Row row : toSend) {
      try {
        String providerMessageId = provider.send(row.planned);
        sent.add(row.planned);
        synchronized (this) {
          record(row, DeliveryStatus.SENT, attempt, providerMessageId, null, null);
        }
      } catch (ApplicationFailure failure) {
        DeliveryError error = failure.getDetails().get(DeliveryError.class);
        synchronized (this) {
          if (failure.isNonRetryable()) {
            failed(row, error);
          } else {
            row.attempts = attempt;
            row.errorCode = error.providerCode();
            retry = failure;
          }
        }
      }
    }
    if (retry != null) {
      throw ApplicationFailure.newFailure("some deliveries will be retried", "BATCH_INCOMPLETE");
    }
    synchronized (this) {
      return new BatchOutcome(counts(range(batch), channel), held);
    }
  }

  private Channel reachedBy(BatchRequest batch, int seq) {
    for (Row row : rows.values()) {
      boolean reached = batch.acknowledged() ? row.acknowledged || row.status == DeliveryStatus.DELIVERED
          : row.status == DeliveryStatus.SENT || row.status == DeliveryStatus.DELIVERED;
      if (row.planned.seq() == seq && batch.reachedBy().contains(row.planned.channel()) && reached) {
        return row.planned.channel();
      }
    }
    return null;
  }

  /** An outcome lands on a delivery still PENDING, or on one a cancel released while it was being sent. */
  private void record(Row row, DeliveryStatus status, int attempts, String providerMessageId, String errorCode,
      String lastError) {
    if (row.status == DeliveryStatus.PENDING || (row.status == DeliveryStatus.CANCELLED && row.claimed)) {
      row.status = status;
      row.attempts = attempts;
      row.providerMessageId = providerMessageId;
      row.errorCode = errorCode;
      row.lastError = lastError;
    }
  }

  /** As the delivery log records a failure: the provider's code, or the type; an opt-out is SKIPPED. */
  private void failed(Row row, DeliveryError error) {
    String code = error.providerCode() != null ? error.providerCode() : error.type().name();
    DeliveryStatus status =
        error.type() == DeliveryErrorType.RECIPIENT_OPTED_OUT ? DeliveryStatus.SKIPPED : DeliveryStatus.FAILED;
    record(row, status, error.attempt(), null, code, error.message());
  }

  private List<Row> range(BatchRequest batch) {
    return rows.values().stream().filter(row -> row.planned.channel() == batch.channel()
        && row.planned.seq() >= batch.fromSeq() && row.planned.seq() < batch.toSeq()).toList();
  }

  private static ChannelCounts counts(List<Row> rows, Channel channel) {
    Map<DeliveryStatus, Integer> byStatus = new EnumMap<>(DeliveryStatus.class);
    rows.forEach(row -> byStatus.merge(row.status, 1, Integer::sum));
    int delivered = byStatus.getOrDefault(DeliveryStatus.DELIVERED, 0);
    return new ChannelCounts(channel, rows.size(), byStatus.getOrDefault(DeliveryStatus.PENDING, 0),
        byStatus.getOrDefault(DeliveryStatus.SENT, 0) + delivered, delivered,
        byStatus.getOrDefault(DeliveryStatus.FAILED, 0), byStatus.getOrDefault(DeliveryStatus.SKIPPED, 0),
        byStatus.getOrDefault(DeliveryStatus.CANCELLED, 0));
  }

  /** What a channel adapter throws for a permanent failure: the error type, with the provider's code. */
  static ApplicationFailure permanent(DeliveryErrorType type, String providerCode) {
    return ApplicationFailure.newNonRetryableFailureWithCause(type.name(), type.name(), null,
        new DeliveryError(type, providerCode, "refused: " + providerCode, 1));
  }
}
