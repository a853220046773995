package dev.herald.workflows.notification;

import static dev.herald.workflows.messages.NotificationStatus.CANCELLED;
import static dev.herald.workflows.messages.NotificationStatus.DIGESTED;
import static dev.herald.workflows.messages.NotificationStatus.FAILED;
import static dev.herald.workflows.messages.NotificationStatus.PAUSED;
import static dev.herald.workflows.messages.NotificationStatus.SCHEDULED;
import static dev.herald.workflows.messages.NotificationStatus.SENDING;

import dev.herald.workflows.HeraldSearchAttributes;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.messages.ApprovalSignal;
import dev.herald.workflows.messages.Audience;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.NotificationProgress;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.QuietWait;
import dev.herald.workflows.messages.Reach;
import dev.herald.workflows.messages.SendCheckpoint;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * One notification, to a list or to a group, on one path: accept (record the audience: one PENDING
 * delivery per member and channel) -> approval if the audience is large -> wait for sendAt -> send
 * in batches of members on each channel's queue -> wait for receipts -> final status. A notification
 * whose template asks for a digest hands its events to the recipients' digests instead of sending
 * ({@link DigestHandOver}).
 *
 * <p>No member list ever enters the workflow: batches are ranges of member numbers, sent
 * {@link DeliveryPolicies#BATCH_WINDOW} at a time, and every {@link DeliveryPolicies#BATCHES_PER_RUN}
 * batches the workflow continues as new with a {@link SendCheckpoint}, so no history grows large. A
 * member gets at most one message per channel: its delivery id is fixed at acceptance and a batch
 * sends only deliveries still PENDING.
 *
 * <p>Pause stops starting batches; cancel, rejection, expiry or a failure release every pending
 * delivery (compensation), wait for the batches in flight (they may already be at the provider) and
 * end with the counts the delivery log holds.
 */
public class NotificationWorkflowImpl implements NotificationWorkflow {

  /** Version marker: a broadcast's audience is recorded before a cancel is taken. */
  static final String AUDIENCE_BEFORE_CANCEL = "audience-before-cancel";

  private static final Duration FIRST_RECEIPT_CHECK = Duration.ofSeconds(1);
  private static final Duration LONGEST_RECEIPT_CHECK = Duration.ofSeconds(30);
  /** The shortest wait for quiet hours: a window that ended already is not asked about in a tight loop. */
  private static final Duration QUIET_RECHECK = Duration.ofSeconds(1);

  private final Progress progress = new Progress();
  private final Signals signals = new Signals();
  private final List<Promise<Void>> inFlight = new ArrayList<>();
  private DeliveryLogActivities deliveryLog;
  private NotificationStages stages;
  private BatchSends batches;
  private Audience audience;
  private int batchSize;
  private List<ChannelCounts> done = List.of();
  /** Recorded as SENDING at acceptance (nothing to wait for): the status need not change again before sending. */
  private boolean acceptedSending;
  /** An earlier run's batch held deliveries back for quiet hours. */
  private boolean quietHeld;

  @Override
  public NotificationResult send(NotificationSpec spec) {
    // A list's log writes are small: local activities, inside the workflow task. A group's snapshot is not.
    deliveryLog = spec.isBroadcast()
        ? Workflow.newActivityStub(DeliveryLogActivities.class,
            DeliveryPolicies.prioritized(DeliveryPolicies.deliveryLog(), spec.priority(), spec.sender()))
        : Workflow.newLocalActivityStub(DeliveryLogActivities.class, DeliveryPolicies.deliveryLogLocal());
    stages = new NotificationStages(deliveryLog, progress, signals);
    batches = new BatchSends(deliveryLog);
    SendCheckpoint resume = spec.resume();
    try {
      if (resume == null) {
        acceptBeforeCancel(spec);
        if (audience.deliveries() == 0) {
          return stages.finish(spec, FAILED, audience.refusal() != null ? audience.refusal() : nobodyToReach(spec));
        }
        Optional<Refusal> refused = stages.awaitApprovalIfRequired(spec, audience.recipients());
        if (refused.isPresent()) {
          deliveryLog.releasePending(spec.id(), refused.get().reason());
          return finishWithCounts(spec, refused.get().status(), refused.get().reason());
        }
        stages.waitUntilSendAt(spec);
        if (DigestHandOver.applies(spec)) {
          return finishWithCounts(spec, DIGESTED, DigestHandOver.handOver(spec));
        }
        batchSize = DeliveryPolicies.batchSize(audience.recipients());
        if (spec.escalates()) {
          escalate(spec);
        } else {
          sendFrom(spec, 0, 1);
        }
      } else {
        carryOn(resume);
        sendFrom(spec, resume.nextBatch(), resume.run());
      }
      awaitQuietHours(spec);
      awaitReceipts(spec);
      if (CancellationScope.current().isCancelRequested()) {
        throw new CanceledFailure("cancelled while sending");
      }
      return finishSent(spec);
    } catch (CanceledFailure cancelled) {
      Workflow.newDetachedCancellationScope(() -> stop(spec, CANCELLED, "cancelled by request")).run();
      throw cancelled;
    } catch (RuntimeException failure) {
      Workflow.newDetachedCancellationScope(() -> stop(spec, FAILED, failure.getMessage())).run();
      throw failure;
    }
  }

  @Override
  public void decide(ApprovalSignal decision) {
    signals.approvals.add(decision);
  }

  @Override
  public void pause() {
    signals.paused = true;
  }

  @Override
  public void resume() {
    signals.paused = false;
  }

  @Override
  public NotificationProgress progress() {
    return progress.snapshot(signals.decision);
  }

  /**
   * Records a broadcast's audience even when a cancel comes while its snapshot is taken (an activity
   * that may run for seconds, which a cancel would otherwise abandon, releasing nothing yet): the
   * cancel then finds every member in the log to release. A list's audience is a local activity the
   * cancel already waits for. Histories from before this change took the cancel at once.
   */
  private void acceptBeforeCancel(NotificationSpec spec) {
    if (!spec.isBroadcast()
        || Workflow.getVersion(AUDIENCE_BEFORE_CANCEL, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      accept(spec);
      return;
    }
    Workflow.newDetachedCancellationScope(() -> accept(spec)).run();
    if (CancellationScope.current().isCancelRequested()) {
      throw new CanceledFailure("cancelled while being recorded");
    }
  }

  /**
   * Records the audience in one write: as SENDING when the notification started so (nothing to wait
   * for: {@link NotificationStart}), else as ACCEPTED.
   */
  private void accept(NotificationSpec spec) {
    acceptedSending = NotificationStart.status(spec) == SENDING;
    audience = deliveryLog.recordAudience(spec, acceptedSending ? SENDING : NotificationStatus.ACCEPTED);
    progress.channels(current());
    if (spec.isBroadcast()) {
      stages.note(HeraldSearchAttributes.AUDIENCE.valueSet((long) audience.recipients()));
    }
    if (acceptedSending) {
      stages.showFirst(SENDING);
    }
  }

  private void carryOn(SendCheckpoint resume) {
    audience = resume.audience();
    batchSize = resume.batchSize();
    done = resume.done();
    signals.carry(resume.approval());
    signals.paused |= resume.paused();
    quietHeld = resume.quietHeld();
    progress.channels(current());
  }

  /** Sends batches from {@code next} on; continues as new after {@link DeliveryPolicies#BATCHES_PER_RUN}. */
  private void sendFrom(NotificationSpec spec, int next, int run) {
    if (!(acceptedSending && run == 1)) {
      stages.changeStatus(spec, SENDING, runDetail(next, run));
    }
    int batchCount = BatchSends.count(audience, batchSize);
    progress.details.batches(next, batchCount);
    int started = 0;
    while (next < batchCount) {
      if (started == DeliveryPolicies.BATCHES_PER_RUN) {
        awaitInFlight(0);
        Workflow.continueAsNew(spec.resumingAt(
            new SendCheckpoint(next, audience, done, signals.decision, signals.paused, run + 1, batchSize,
                quietHeld || batches.quietHeld())));
      }
      awaitResumed(spec);
      awaitInFlight(DeliveryPolicies.BATCH_WINDOW - 1);
      start(spec, next++);
      started++;
    }
    awaitInFlight(0);
  }

  /**
   * ESCALATE (a list's notification): one channel at a time to every member, then a durable wait of
   * {@code escalateAfter} for members to acknowledge (an in-app item read, a receipt saying delivered),
   * asked of the log at growing intervals; the next channel goes only to those who did not, the others
   * are SKIPPED on it. When every member acknowledged, the remaining steps wait no more (and skip everyone).
   */
  private void escalate(NotificationSpec spec) {
    List<Channel> steps = spec.channels();
    int batchCount = BatchSends.count(audience, batchSize);
    for (int step = 0; step < steps.size(); step++) {
      Channel channel = steps.get(step);
      List<Channel> before = List.copyOf(steps.subList(0, step));
      if (step > 0) {
        stages.changeStatus(spec, SENDING, "escalation step " + (step + 1) + " of " + steps.size() + ": " + channel);
      }
      for (int batch = 0; batch < batchCount; batch++) {
        awaitResumed(spec);
        awaitInFlight(DeliveryPolicies.BATCH_WINDOW - 1);
        int from = batch * batchSize;
        int to = Math.min(audience.recipients(), from + batchSize);
        Workflow.newDetachedCancellationScope(() -> inFlight.add(
            Async.function(batches::sendStep, spec, from, to, channel, before).thenApply(counts -> {
              done = ChannelCounts.add(done, counts);
              progress.channels(current());
              return null;
            }))).run();
      }
      awaitInFlight(0);
      if (step < steps.size() - 1) {
        awaitAcknowledged(spec, List.copyOf(steps.subList(0, step + 1)), spec.escalateAfter().get(step));
        progress.details.waitsFor(null);
      }
    }
  }

  /** Waits up to {@code wait} while some member acknowledged none of {@code channels}. */
  private void awaitAcknowledged(NotificationSpec spec, List<Channel> channels, Duration wait) {
    long deadline = Workflow.currentTimeMillis() + wait.toMillis();
    Duration pause = FIRST_RECEIPT_CHECK;
    boolean shown = false;
    while (deliveryLog.countUnacknowledged(spec.id(), channels) > 0) {
      long left = deadline - Workflow.currentTimeMillis();
      if (left <= 0) {
        return;
      }
      if (!shown) {
        stages.changeStatus(spec, SENDING, "escalation: waiting up to " + wait + " for " + channels
            + " to be acknowledged before " + spec.channels().get(channels.size()));
        progress.details.waitsFor("acknowledgements on " + channels + ", until " + Instant.ofEpochMilli(deadline));
        shown = true;
      }
      Workflow.sleep(Duration.ofMillis(Math.min(left, pause.toMillis())));
      pause = pause.multipliedBy(2).compareTo(LONGEST_RECEIPT_CHECK) > 0 ? LONGEST_RECEIPT_CHECK : pause.multipliedBy(2);
    }
  }

  /** A batch in flight is not cancelled with the notification (it may be at the provider): it finishes. */
  private void start(NotificationSpec spec, int batch) {
    Workflow.newDetachedCancellationScope(() -> inFlight.add(
        Async.function(batches::send, spec, audience, batchSize, batch).thenApply(counts -> {
          counts.forEach(c -> done = ChannelCounts.add(done, c));
          progress.channels(current());
          progress.details.batchDone();
          return null;
        }))).run();
  }

  /** A batch sent again for the members it held back: its counts are not added (they are the log's afterwards). */
  private void startAgain(NotificationSpec spec, int batch) {
    Workflow.newDetachedCancellationScope(() -> inFlight.add(
        Async.function(batches::send, spec, audience, batchSize, batch).thenApply(counts -> null))).run();
  }

  /**
   * Deliveries held back for their recipients' quiet hours: SCHEDULED with the reason until the
   * earliest may go (a durable timer), then their batches again, until none waits (a member still in
   * its quiet hours is held back again). Afterwards the counts are the log's, as those batches ran twice.
   */
  private void awaitQuietHours(NotificationSpec spec) {
    if (!(quietHeld || batches.quietHeld()) || !BatchSends.respectQuietHours()) {
      return;
    }
    QuietWait wait = deliveryLog.quietWait(spec.id(), batchSize);
    while (wait.deliveries() > 0) {
      Duration until = Duration.between(Instant.ofEpochMilli(Workflow.currentTimeMillis()), wait.earliest());
      stages.changeStatus(spec, SCHEDULED, "quiet hours: " + wait.deliveries()
          + (wait.deliveries() == 1 ? " delivery waits" : " deliveries wait") + " until " + wait.earliest());
      progress.details.waitsFor("its recipients' quiet hours to end, at " + wait.earliest());
      NotificationStages.sleep(until.compareTo(QUIET_RECHECK) < 0 ? QUIET_RECHECK : until,
          "until quiet hours end at " + wait.earliest());
      stages.changeStatus(spec, SENDING, "quiet hours over at " + wait.earliest());
      for (int batch : wait.batches()) {
        awaitResumed(spec);
        awaitInFlight(DeliveryPolicies.BATCH_WINDOW - 1);
        startAgain(spec, batch);
      }
      awaitInFlight(0);
      wait = deliveryLog.quietWait(spec.id(), batchSize);
    }
    done = deliveryLog.countDeliveries(spec.id());
    progress.channels(current());
  }

  /** Waits (cancellably) until at most {@code max} batches are in flight; a batch that failed fails the run. */
  private void awaitInFlight(int max) {
    Workflow.await(() -> inFlight.stream().filter(p -> !p.isCompleted()).count() <= max);
    for (Promise<Void> batch : inFlight) {
      if (batch.isCompleted() && batch.getFailure() != null) {
        throw batch.getFailure();
      }
    }
    inFlight.removeIf(Promise::isCompleted);
  }

  private void awaitResumed(NotificationSpec spec) {
    if (!signals.paused) {
      return;
    }
    stages.changeStatus(spec, PAUSED, "paused by request; " + sentSoFar());
    progress.details.waitsFor("a resume signal");
    Workflow.await(() -> !signals.paused);
    stages.changeStatus(spec, SENDING, "resumed; " + sentSoFar());
  }

  /**
   * Waits up to the receipt window while deliveries on channels with receipts (SMS, calls) are sent
   * but not yet reported on; providers' receipts go straight into the delivery log, which this asks
   * at growing intervals.
   */
  private void awaitReceipts(NotificationSpec spec) {
    if (spec.receiptWindow() == null || !sentOnReceiptChannels()) {
      return;
    }
    long deadline = Workflow.currentTimeMillis() + spec.receiptWindow().toMillis();
    Duration pause = FIRST_RECEIPT_CHECK;
    progress.details.waitsFor("providers' delivery receipts, until " + Instant.ofEpochMilli(deadline));
    while (deliveryLog.countAwaitingReceipts(spec.id()) > 0) {
      long left = deadline - Workflow.currentTimeMillis();
      if (left <= 0) {
        return;
      }
      Workflow.sleep(Duration.ofMillis(Math.min(left, pause.toMillis())));
      pause = pause.multipliedBy(2).compareTo(LONGEST_RECEIPT_CHECK) > 0 ? LONGEST_RECEIPT_CHECK : pause.multipliedBy(2);
    }
  }

  private boolean sentOnReceiptChannels() {
    return done.stream().anyMatch(c -> Channels.of(c.channel()).receipts() && c.sent() > c.delivered());
  }

  /** Compensation: nothing pending is sent any more, the batches in flight end, the log says what happened. */
  private void stop(NotificationSpec spec, NotificationStatus status, String reason) {
    deliveryLog.releasePending(spec.id(), reason);
    Promise.allOf(inFlight).get();
    finishWithCounts(spec, status, reason);
  }

  /**
   * The end of a notification whose batches all finished. Their counts are the log's for their
   * ranges; a delivery still PENDING then was never sent by any batch (e.g. a worker on another
   * database answered for it): it is recorded as failed, never left behind a COMPLETED status.
   * After receipts the log is asked again, as they changed it.
   */
  private NotificationResult finishSent(NotificationSpec spec) {
    List<ChannelCounts> counts = current();
    boolean leftPending = false;
    for (ChannelCounts channel : counts) {
      if (channel.pending() > 0) {
        deliveryLog.failBatch(new BatchRequest(spec.id(), spec.sender(), channel.channel(), 0, audience.recipients(),
            spec.content(), spec.template(), List.of(), spec.category(), null, null, false, spec.contentKey()),
            DeliveryErrors.unfinished(channel.pending()));
        leftPending = true;
      }
    }
    if (leftPending || sentOnReceiptChannels()) {
      counts = deliveryLog.countDeliveries(spec.id());
    }
    progress.channels(counts);
    NotificationStatus status = spec.countsByRecipient()
        ? deliveryLog.countReach(spec.id(), true).finalStatus()
        : new Reach(sum(counts, ChannelCounts::sent), sum(counts, ChannelCounts::failed)).finalStatus();
    return stages.finish(spec, status, leftPending ? "deliveries left pending by their batches were recorded as failed" : null);
  }

  private static int sum(List<ChannelCounts> counts, ToIntFunction<ChannelCounts> count) {
    return counts.stream().mapToInt(count).sum();
  }

  private NotificationResult finishWithCounts(NotificationSpec spec, NotificationStatus status, String detail) {
    progress.channels(deliveryLog.countDeliveries(spec.id()));
    return stages.finish(spec, status, detail);
  }

  /** The audience's reserved deliveries per channel with the counts of the batches done so far. */
  private List<ChannelCounts> current() {
    List<ChannelCounts> merged = new ArrayList<>();
    for (ChannelCounts reserved : audience.channels()) {
      ChannelCounts finished = done.stream().filter(d -> d.channel() == reserved.channel()).findFirst()
          .orElse(ChannelCounts.none(reserved.channel()));
      int pending = reserved.total() - finished.sent() - finished.failed() - finished.skipped() - finished.cancelled();
      merged.add(new ChannelCounts(reserved.channel(), reserved.total(), pending, finished.sent(), finished.delivered(),
          finished.failed(), finished.skipped(), finished.cancelled()));
    }
    return merged;
  }

  private static String nobodyToReach(NotificationSpec spec) {
    return spec.isBroadcast()
        ? "group " + spec.group() + " has no member with an address on " + spec.channels()
        : "no recipient has an address for the requested channels";
  }

  private String sentSoFar() {
    return progress.channelCounts().stream().mapToInt(ChannelCounts::sent).sum() + " of "
        + audience.deliveries() + " sent";
  }

  private String runDetail(int next, int run) {
    return run == 1 ? null
        : "batch " + (next + 1) + " of " + BatchSends.count(audience, batchSize) + " (run " + run + ")";
  }
}
