package dev.herald.worker;

import dev.herald.activities.channel.ChannelAdapters;
import dev.herald.activities.precedence.Precedence;
import dev.herald.activities.sending.ChannelActivitiesFactory;
import dev.herald.workflows.TaskQueues;
import dev.herald.worker.retry.RetryBudgetProperties;
import dev.herald.worker.lanes.LowLanePolling;
import dev.herald.worker.retry.RetryBudgets;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.deadletter.DeadLetterActivities;
import dev.herald.workflows.deadletter.RedriveWorkflowImpl;
import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.digest.DigestActivities;
import dev.herald.workflows.digest.DigestWorkflowImpl;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.notification.NotificationWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls the task queues this process hosts, each with its own tuning: the orchestration queue
 * (notification, digest and re-drive workflows, the delivery log, the digest hand-over and dead letters) unless {@code herald.worker.orchestration}
 * is false, and the queue of each channel in {@code herald.worker.channels} (every channel with an
 * adapter when empty), where that channel's batches run; each of them with its low lane, which LOW
 * notifications run on and which is not polled while HIGH work runs here ({@link LowLanePolling}). Off with
 * {@code herald.worker.enabled=false} (API-only processes). The workflows' sends get the channels'
 * retry budgets of {@code herald.retry} ({@link RetryBudgets}).
 */
@Component
@EnableConfigurationProperties({WorkerProperties.class, RetryBudgetProperties.class})
@ConditionalOnProperty(name = "herald.worker.enabled", havingValue = "true", matchIfMissing = true)
public class HeraldWorkers implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(HeraldWorkers.class);

  private final WorkerFactory factory;
  private final List<String> queues = new ArrayList<>();
  private final LowLanePolling lowLanePolling;
  private volatile boolean running;

  public HeraldWorkers(WorkflowClient client, WorkerProperties properties, DeliveryLogActivities deliveryLog,
      ChannelAdapters adapters, ChannelActivitiesFactory channels, DigestActivities digests,
      DeadLetterActivities deadLetters, RetryBudgetProperties retryBudgets, Precedence precedence,
      ObjectProvider<WorkerInterceptor> interceptors) {
    // the retry budgets, then the interceptor beans (tracing, the log context)
    this.factory = WorkerFactory.newInstance(client, WorkerFactoryOptions.newBuilder()
        .setWorkerInterceptors(Stream.concat(Stream.of(new RetryBudgets(retryBudgets)), interceptors.orderedStream())
            .toArray(WorkerInterceptor[]::new)).build());
    this.lowLanePolling = new LowLanePolling(precedence);
    if (properties.hostsOrchestration()) {
      Worker orchestration = newWorker(properties, TaskQueues.NOTIFICATIONS);
      orchestration.registerWorkflowImplementationTypes(NotificationWorkflowImpl.class, DigestWorkflowImpl.class,
          RedriveWorkflowImpl.class);
      orchestration.registerActivitiesImplementations(deliveryLog, digests, deadLetters);
      Worker lowLane = newWorker(properties, TaskQueues.lowLane(TaskQueues.NOTIFICATIONS));
      lowLane.registerWorkflowImplementationTypes(NotificationWorkflowImpl.class);
      lowLane.registerActivitiesImplementations(deliveryLog, digests);
    }
    for (Channel channel : properties.hostedChannels(adapters.available())) {
      var adapter = adapters.of(channel).orElseThrow(() -> new IllegalStateException(
          "herald.worker.channels names " + channel + ", which has no adapter here (is its provider configured?)"));
      String queue = Channels.of(channel).taskQueue();
      var activities = channels.forAdapter(adapter);
      newWorker(properties, queue).registerActivitiesImplementations(activities);
      newWorker(properties, TaskQueues.lowLane(queue)).registerActivitiesImplementations(activities);
    }
  }

  private Worker newWorker(WorkerProperties properties, String taskQueue) {
    WorkerProperties.QueueTuning tuning = properties.tuning(taskQueue);
    boolean lowLane = TaskQueues.isLowLane(taskQueue);
    WorkerOptions.Builder options = WorkerOptions.newBuilder()
        .setMaxConcurrentWorkflowTaskPollers(tuning.pollers())
        .setMaxConcurrentActivityTaskPollers(tuning.pollers());
    if (lowLane) {
      options.setWorkerTuner(lowLanePolling.tuner(tuning.concurrency()));
    } else {
      options.setMaxConcurrentActivityExecutionSize(tuning.concurrency())
          .setMaxConcurrentWorkflowTaskExecutionSize(tuning.concurrency());
    }
    if (tuning.ratePerSecond() > 0) {
      options.setMaxTaskQueueActivitiesPerSecond(tuning.ratePerSecond());
    }
    queues.add(taskQueue);
    Worker worker = factory.newWorker(taskQueue, options.build());
    if (lowLane) {
      lowLanePolling.add(worker);
    }
    return worker;
  }

  /** The queues this process polls, in the order they were set up. */
  public List<String> queues() {
    return List.copyOf(queues);
  }

  @Override
  public void start() {
    factory.start();
    lowLanePolling.start();
    running = true;
    log.info("Temporal workers polling {}", queues);
  }

  @Override
  public void stop() {
    lowLanePolling.stop();
    factory.shutdown();
    factory.awaitTermination(30, TimeUnit.SECONDS);
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
