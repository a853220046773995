package dev.herald.worker;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.worker}: whether this process polls task queues, and the tuning of each queue (by
 * task queue name). Two pollers per queue measured best on a 2-core machine (see STACK.md).
 */
@Validated
@ConfigurationProperties("herald.worker")
public record WorkerProperties(boolean enabled, @Valid Map<String, QueueTuning> queues) {

  public static final QueueTuning DEFAULT_TUNING = new QueueTuning(2, 200, 0);

  public QueueTuning tuning(String taskQueue) {
    return queues == null ? DEFAULT_TUNING : queues.getOrDefault(taskQueue, DEFAULT_TUNING);
  }

  /**
   * @param pollers workflow and activity task pollers
   * @param concurrency activities (and workflow tasks) executed at once
   * @param ratePerSecond activities started per second across all workers of the queue; 0 = no limit. On a
   *     channel queue a broadcast's batch (up to 100 messages) counts as one activity, so for broadcasts
   *     this limits batches, not messages: set it with the batch size in mind
   */
  public record QueueTuning(@Min(1) int pollers, @Min(1) int concurrency, @Min(0) double ratePerSecond) {}
}
