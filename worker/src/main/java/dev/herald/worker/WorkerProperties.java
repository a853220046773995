package dev.herald.worker;

import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.messages.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.worker}: whether this process polls task queues, which ones, and the tuning of each
 * queue (by task queue name). Two pollers per queue measured best on a 2-core machine (see STACK.md).
 *
 * @param orchestration whether this process runs notification workflows (null: yes)
 * @param channels the channels whose queues this process serves; empty: every channel it has an adapter for
 */
@Validated
@ConfigurationProperties("herald.worker")
public record WorkerProperties(boolean enabled, Boolean orchestration, List<Channel> channels,
    @Valid Map<String, QueueTuning> queues) {

  public static final QueueTuning DEFAULT_TUNING = new QueueTuning(2, 200, 0);

  /**
   * The tuning of {@code taskQueue}. A low lane not named itself has its queue's with one poller: it waits while
   * HIGH work runs and is idle while no LOW work is sent, and every poller is a long poll the server holds.
   */
  public QueueTuning tuning(String taskQueue) {
    QueueTuning named = queues == null ? null : queues.get(taskQueue);
    if (named != null) {
      return named;
    }
    if (TaskQueues.isLowLane(taskQueue)) {
      QueueTuning owner = tuning(TaskQueues.laneOwner(taskQueue));
      return new QueueTuning(1, owner.concurrency(), owner.ratePerSecond());
    }
    return DEFAULT_TUNING;
  }

  public boolean hostsOrchestration() {
    return orchestration == null || orchestration;
  }

  /** The configured channels, or all of {@code available} when none are. */
  public Set<Channel> hostedChannels(Set<Channel> available) {
    if (channels == null || channels.isEmpty()) {
      return available.isEmpty() ? Set.of() : EnumSet.copyOf(available);
    }
    return EnumSet.copyOf(channels);
  }

  /**
   * @param pollers workflow and activity task pollers
   * @param concurrency activities (and workflow tasks) executed at once
   * @param ratePerSecond activities started per second across all workers of the queue; 0 = no limit. On a
   *     channel queue a broadcast's batch (up to 1,000 messages) counts as one activity, so for broadcasts
   *     this limits batches, not messages: set it with the batch size in mind
   */
  public record QueueTuning(@Min(1) int pollers, @Min(1) int concurrency, @Min(0) double ratePerSecond) {}
}
