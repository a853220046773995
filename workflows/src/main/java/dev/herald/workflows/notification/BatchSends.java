package dev.herald.workflows.notification;

import dev.herald.workflows.channel.ChannelActivities;
import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.messages.Audience;
import dev.herald.workflows.messages.BatchOutcome;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.NotificationSpec;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sends one batch of a notification: members {@code index * size} onwards, one batch activity per
 * channel on that channel's queue; all channels at once, or in fallback mode one after the other
 * (a member reached on an earlier channel is skipped on the later ones). A batch whose retries ran
 * out has its remaining deliveries recorded as failed with the last error.
 */
final class BatchSends {

  /** Version marker: batches hold members in their quiet hours back (sendBatchAfterQuietHours). */
  static final String QUIET_HOURS = "quiet-hours";

  private static final int UNFINISHED_RERUNS = 2;

  /** A channel's options, made when the notification first sends on it; batches of one size. */
  private final Map<Channel, ActivityOptions> options = new EnumMap<>(Channel.class);
  private int optionsBatchSize = -1;
  private final DeliveryLogActivities deliveryLog;
  /** Whether a batch of this run held deliveries back for quiet hours. */
  private boolean quietHeld;

  BatchSends(DeliveryLogActivities deliveryLog) {
    this.deliveryLog = deliveryLog;
  }

  boolean quietHeld() {
    return quietHeld;
  }

  /** Whether this workflow's batches respect quiet hours: histories from before them did not. */
  static boolean respectQuietHours() {
    return Workflow.getVersion(QUIET_HOURS, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION;
  }

  static int count(Audience audience, int size) {
    return (audience.recipients() + size - 1) / size;
  }

  /** The counts of the batch's deliveries once it is done, one entry per channel that has any. */
  List<ChannelCounts> send(NotificationSpec spec, Audience audience, int size, int index) {
    int from = index * size;
    int to = Math.min(audience.recipients(), from + size);
    List<Channel> channels = audience.channels().stream().filter(c -> c.total() > 0).map(ChannelCounts::channel).toList();
    if (spec.countsByRecipient()) {
      // an escalation's members sent again (after quiet hours) keep its order, without its waits
      List<ChannelCounts> counts = new ArrayList<>();
      List<Channel> tried = new ArrayList<>();
      for (Channel channel : channels) {
        counts.add(sendOn(spec, request(spec, channel, from, to, List.copyOf(tried), spec.escalates())));
        tried.add(channel);
      }
      return counts;
    }
    if (channels.size() == 1) {
      return List.of(sendOn(spec, request(spec, channels.get(0), from, to, List.of())));
    }
    List<Promise<ChannelCounts>> sends = channels.stream()
        .map(channel -> Async.function(this::sendOn, spec, request(spec, channel, from, to, List.of())))
        .toList();
    return sends.stream().map(Promise::get).toList();
  }

  /**
   * One step of an escalation: the batch's members on one channel, but those who acknowledged one of
   * {@code before} (the earlier steps) are SKIPPED.
   */
  ChannelCounts sendStep(NotificationSpec spec, int from, int to, Channel channel, List<Channel> before) {
    return sendOn(spec, request(spec, channel, from, to, before, true));
  }

  /**
   * A batch that reports deliveries still pending although it returned (it should have failed
   * retryably instead) is run again, twice at most, then what is left is recorded as failed: a
   * batch never counts as done while something in it was not sent. Deliveries it held back for quiet
   * hours are not left over: the notification comes back for them.
   */
  private ChannelCounts sendOn(NotificationSpec spec, BatchRequest batch) {
    boolean quietHours = respectQuietHours();
    try {
      BatchOutcome outcome = send(stub(batch, ActivitySummaries.batch(spec, batch)), batch, quietHours);
      for (int rerun = 1; leftOver(outcome) > 0 && rerun <= UNFINISHED_RERUNS; rerun++) {
        Workflow.sleep(Duration.ofSeconds(rerun));
        outcome = send(stub(batch, ActivitySummaries.rerun(spec, batch, rerun)), batch, quietHours);
      }
      quietHeld |= outcome.deferred() > 0;
      return leftOver(outcome) == 0 ? outcome.counts() : deliveryLog.failBatch(batch, DeliveryErrors.unfinished(leftOver(outcome)));
    } catch (ActivityFailure failure) {
      return deliveryLog.failBatch(batch, DeliveryErrors.from(failure));
    }
  }

  private static BatchOutcome send(ChannelActivities sender, BatchRequest batch, boolean quietHours) {
    return quietHours ? sender.sendBatchAfterQuietHours(batch) : new BatchOutcome(sender.sendBatch(batch), 0);
  }

  private static int leftOver(BatchOutcome outcome) {
    return outcome.counts().pending() - outcome.deferred();
  }

  /**
   * A stub per send, as its summary names whom the batch sends to; every batch but a notification's last
   * has the same size, so the options of one per channel serve nearly all.
   */
  private ChannelActivities stub(BatchRequest batch, String summary) {
    if (batch.size() != optionsBatchSize) {
      options.clear();
      optionsBatchSize = batch.size();
    }
    ActivityOptions channel = options.computeIfAbsent(batch.channel(), c -> DeliveryPolicies.prioritized(
        DeliveryPolicies.forBatch(c, batch.size()), batch.priority(), batch.sender()));
    return Workflow.newActivityStub(ChannelActivities.class, ActivityOptions.newBuilder(channel).setSummary(summary).build());
  }

  private static BatchRequest request(NotificationSpec spec, Channel channel, int from, int to, List<Channel> reachedBy) {
    return request(spec, channel, from, to, reachedBy, false);
  }

  private static BatchRequest request(NotificationSpec spec, Channel channel, int from, int to, List<Channel> reachedBy,
      boolean acknowledged) {
    return new BatchRequest(spec.id(), spec.sender(), channel, from, to, spec.content(), spec.template(), reachedBy, spec.category(),
        spec.priority(), Instant.ofEpochMilli(Workflow.currentTimeMillis()), acknowledged, spec.contentKey());
  }
}
