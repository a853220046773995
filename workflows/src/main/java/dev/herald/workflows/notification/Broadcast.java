package dev.herald.workflows.notification;

import static dev.herald.workflows.messages.NotificationStatus.CANCELLED;
import static dev.herald.workflows.messages.NotificationStatus.COMPLETED;
import static dev.herald.workflows.messages.NotificationStatus.FAILED;
import static dev.herald.workflows.messages.NotificationStatus.PARTIALLY_FAILED;
import static dev.herald.workflows.messages.NotificationStatus.PAUSED;
import static dev.herald.workflows.messages.NotificationStatus.SENDING;

import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.messages.Audience;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.BroadcastCheckpoint;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A notification to a recipient group. The audience is fixed at acceptance in the delivery log (one
 * PENDING delivery per member and channel), so no member list ever enters the workflow: batches are
 * ranges of member numbers, sent {@link DeliveryPolicies#BATCH_WINDOW} at a time, and every
 * {@link DeliveryPolicies#BATCHES_PER_RUN} batches the workflow continues as new with a
 * {@link BroadcastCheckpoint}, so no history grows large. A member gets at most one message per
 * channel: its delivery id is derived from the notification id and the member's id, and a batch sends
 * only deliveries still PENDING.
 *
 * <p>Pause stops starting batches; cancel releases every pending delivery first (the batches in
 * flight then find nothing left to claim), waits for those batches, and ends CANCELLED.
 */
final class Broadcast {

  private final DeliveryLogActivities deliveryLog;
  private final NotificationStages stages;
  private final Progress progress;
  private final Signals signals;
  private final BroadcastBatches batches;
  private final List<Promise<Void>> inFlight = new ArrayList<>();
  private Audience audience;
  private int batchSize;
  private List<ChannelCounts> done = List.of();

  Broadcast(DeliveryLogActivities deliveryLog, Progress progress, Signals signals) {
    this.deliveryLog = deliveryLog;
    this.stages = new NotificationStages(deliveryLog, progress, signals);
    this.progress = progress;
    this.signals = signals;
    this.batches = new BroadcastBatches(deliveryLog);
  }

  NotificationResult run(NotificationSpec spec) {
    BroadcastCheckpoint resume = spec.resume();
    try {
      int next;
      if (resume == null) {
        audience = deliveryLog.recordBroadcastAccepted(spec);
        progress.channels(current());
        if (audience.deliveries() == 0) {
          return stages.finish(spec, FAILED, "group " + spec.group() + " has no member with an address on "
              + spec.channels());
        }
        Optional<Refusal> refused = stages.awaitApprovalIfRequired(spec, audience.recipients());
        if (refused.isPresent()) {
          deliveryLog.releasePending(spec.id(), refused.get().reason());
          return finishWithCounts(spec, refused.get().status(), refused.get().reason());
        }
        stages.waitUntilSendAt(spec);
        batchSize = DeliveryPolicies.batchSize(audience.recipients());
        next = 0;
      } else {
        audience = resume.audience();
        batchSize = resume.batchSize();
        done = resume.done();
        signals.decide(resume.approval());
        signals.paused |= resume.paused();
        progress.channels(current());
        next = resume.nextBatch();
      }
      sendFrom(spec, next, resume == null ? 1 : resume.run());
      return finishSent(spec);
    } catch (CanceledFailure cancelled) {
      Workflow.newDetachedCancellationScope(() -> stop(spec, CANCELLED, "cancelled by request")).run();
      throw cancelled;
    } catch (RuntimeException failure) {
      Workflow.newDetachedCancellationScope(() -> stop(spec, FAILED, failure.getMessage())).run();
      throw failure;
    }
  }

  /** Sends batches from {@code next} on; continues as new after {@link DeliveryPolicies#BATCHES_PER_RUN}. */
  private void sendFrom(NotificationSpec spec, int next, int run) {
    stages.changeStatus(spec, SENDING, runDetail(next, run));
    int batchCount = BroadcastBatches.count(audience, batchSize);
    int started = 0;
    while (next < batchCount) {
      if (started == DeliveryPolicies.BATCHES_PER_RUN) {
        awaitInFlight(0);
        Workflow.continueAsNew(
            spec.resumingAt(new BroadcastCheckpoint(next, audience, done, signals.decision, signals.paused, run + 1,
                batchSize)));
      }
      awaitResumed(spec);
      awaitInFlight(DeliveryPolicies.BATCH_WINDOW - 1);
      start(spec, next++);
      started++;
    }
    awaitInFlight(0);
  }

  private void start(NotificationSpec spec, int batch) {
    Workflow.newDetachedCancellationScope(() -> inFlight.add(
        Async.function(batches::send, spec, audience, batchSize, batch).thenApply(counts -> {
          counts.forEach(c -> done = ChannelCounts.add(done, c));
          progress.channels(current());
          return null;
        }))).run();
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
    Workflow.await(() -> !signals.paused);
    stages.changeStatus(spec, SENDING, "resumed; " + sentSoFar());
  }

  /** Compensation: nothing pending is sent any more, the batches in flight end, the log says what happened. */
  private void stop(NotificationSpec spec, NotificationStatus status, String reason) {
    deliveryLog.releasePending(spec.id(), reason);
    Promise.allOf(inFlight).get();
    finishWithCounts(spec, status, reason);
  }

  /**
   * The end of a broadcast whose batches all finished: the delivery log's counts decide. A delivery
   * still PENDING then was never sent by any batch (e.g. a worker on another database answered
   * for it): it is recorded as failed, never left behind a COMPLETED status.
   */
  private NotificationResult finishSent(NotificationSpec spec) {
    List<ChannelCounts> counts = deliveryLog.countDeliveries(spec.id());
    String detail = null;
    for (ChannelCounts channel : counts) {
      if (channel.pending() > 0) {
        deliveryLog.failBatch(new BatchRequest(spec.id(), spec.sender(), channel.channel(), 0, audience.recipients(),
            spec.content(), spec.template(), List.of()), BroadcastBatches.unfinished(channel.pending()));
        detail = "deliveries left pending by their batches were recorded as failed";
      }
    }
    if (detail != null) {
      counts = deliveryLog.countDeliveries(spec.id());
    }
    progress.channels(counts);
    return stages.finish(spec, statusOf(counts), detail);
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

  /** COMPLETED when nothing failed (skipped is fine), FAILED when nothing got out, else PARTIALLY_FAILED. */
  static NotificationStatus statusOf(List<ChannelCounts> counts) {
    int sent = counts.stream().mapToInt(ChannelCounts::sent).sum();
    int failed = counts.stream().mapToInt(ChannelCounts::failed).sum();
    if (failed == 0) {
      return COMPLETED;
    }
    return sent == 0 ? FAILED : PARTIALLY_FAILED;
  }

  private String sentSoFar() {
    return progress.channelCounts().stream().mapToInt(ChannelCounts::sent).sum() + " of "
        + audience.deliveries() + " sent";
  }

  private String runDetail(int next, int run) {
    return run == 1 ? null
        : "batch " + (next + 1) + " of " + BroadcastBatches.count(audience, batchSize) + " (run " + run + ")";
  }
}
