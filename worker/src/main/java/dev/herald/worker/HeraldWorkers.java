package dev.herald.worker;

import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.email.EmailActivities;
import dev.herald.workflows.notification.NotificationWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls one task queue per concern: the orchestration queue (notification workflows and the
 * delivery log) and one queue per channel, each with its own tuning. Off with
 * {@code herald.worker.enabled=false} (API-only processes).
 */
@Component
@EnableConfigurationProperties(WorkerProperties.class)
@ConditionalOnProperty(name = "herald.worker.enabled", havingValue = "true", matchIfMissing = true)
public class HeraldWorkers implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(HeraldWorkers.class);

  private final WorkerFactory factory;
  private volatile boolean running;

  public HeraldWorkers(WorkflowClient client, WorkerProperties properties, DeliveryLogActivities deliveryLog,
      EmailActivities email) {
    this.factory = WorkerFactory.newInstance(client);
    Worker orchestration = newWorker(properties, TaskQueues.NOTIFICATIONS);
    orchestration.registerWorkflowImplementationTypes(NotificationWorkflowImpl.class);
    orchestration.registerActivitiesImplementations(deliveryLog);
    newWorker(properties, TaskQueues.EMAIL).registerActivitiesImplementations(email);
  }

  private Worker newWorker(WorkerProperties properties, String taskQueue) {
    WorkerProperties.QueueTuning tuning = properties.tuning(taskQueue);
    WorkerOptions.Builder options = WorkerOptions.newBuilder()
        .setMaxConcurrentWorkflowTaskPollers(tuning.pollers())
        .setMaxConcurrentActivityTaskPollers(tuning.pollers())
        .setMaxConcurrentActivityExecutionSize(tuning.concurrency())
        .setMaxConcurrentWorkflowTaskExecutionSize(tuning.concurrency());
    if (tuning.ratePerSecond() > 0) {
      options.setMaxTaskQueueActivitiesPerSecond(tuning.ratePerSecond());
    }
    return factory.newWorker(taskQueue, options.build());
  }

  @Override
  public void start() {
    factory.start();
    running = true;
    log.info("Temporal workers polling {}, {}", TaskQueues.NOTIFICATIONS, TaskQueues.EMAIL);
  }

  @Override
  public void stop() {
    factory.shutdown();
    factory.awaitTermination(30, TimeUnit.SECONDS);
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
