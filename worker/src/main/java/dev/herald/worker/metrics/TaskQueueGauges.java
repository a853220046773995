package dev.herald.worker.metrics;

import dev.herald.activities.metrics.GaugeRefresh;
import dev.herald.activities.metrics.HeraldMeters;
import dev.herald.worker.temporal.TemporalProperties;
import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.channel.ChannelDescriptor;
import dev.herald.workflows.channel.Channels;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.taskqueue.v1.TaskQueueStats;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each of Herald's task queues' backlog (workflow and activity tasks together) and the age of its
 * oldest task, from Temporal's {@code DescribeTaskQueue} with stats, refreshed by {@link GaugeRefresh}.
 * A server that does not answer it (the in-process test server) leaves both NaN. The values are the
 * cluster's, the same in every process: take the max over processes.
 */
@Component
class TaskQueueGauges {

  private static final Logger log = LoggerFactory.getLogger(TaskQueueGauges.class);
  private static final double[] UNKNOWN = {Double.NaN, Double.NaN};
  private static final List<TaskQueueType> TYPES =
      List.of(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW, TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY);

  private final WorkflowServiceStubs stubs;
  private final String namespace;
  private final List<String> queues = new ArrayList<>();
  private final Map<String, double[]> backlogs = new ConcurrentHashMap<>();
  private volatile boolean unanswered;

  TaskQueueGauges(WorkflowServiceStubs stubs, TemporalProperties temporal, MeterRegistry registry, GaugeRefresh refresh) {
    this.stubs = stubs;
    this.namespace = temporal.namespace();
    queues.add(TaskQueues.NOTIFICATIONS);
    Channels.all().stream().map(ChannelDescriptor::taskQueue).distinct().forEach(queues::add);
    List.copyOf(queues).forEach(queue -> queues.add(TaskQueues.lowLane(queue)));
    for (String queue : queues) {
      Gauge.builder(HeraldMeters.TASK_QUEUE_BACKLOG, this, gauges -> gauges.backlogs.getOrDefault(queue, UNKNOWN)[0])
          .tag(HeraldMeters.TASK_QUEUE, queue).register(registry);
      Gauge.builder(HeraldMeters.TASK_QUEUE_BACKLOG_AGE, this, gauges -> gauges.backlogs.getOrDefault(queue, UNKNOWN)[1])
          .tag(HeraldMeters.TASK_QUEUE, queue).register(registry);
    }
    refresh.every("task queue backlogs", this::refresh);
  }

  void refresh() {
    if (unanswered) {
      return;
    }
    for (String queue : queues) {
      double count = 0;
      double age = 0;
      for (TaskQueueType type : TYPES) {
        TaskQueueStats stats;
        try {
          stats = stubs.blockingStub().describeTaskQueue(DescribeTaskQueueRequest.newBuilder().setNamespace(namespace)
              .setTaskQueue(TaskQueue.newBuilder().setName(queue)).setTaskQueueType(type).setReportStats(true).build())
              .getStats();
        } catch (StatusRuntimeException failed) {
          if (failed.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
            log.info("metrics: this Temporal server does not describe task queues; their backlog stays NaN");
            unanswered = true;
            return;
          }
          throw failed;
        }
        count += stats.getApproximateBacklogCount();
        age = Math.max(age, stats.getApproximateBacklogAge().getSeconds() + stats.getApproximateBacklogAge().getNanos() / 1e9);
      }
      backlogs.put(queue, new double[] {count, age});
    }
  }
}
