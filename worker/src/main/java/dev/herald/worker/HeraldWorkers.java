package dev.herald.worker;

import dev.herald.activities.broadcast.BroadcastBatches;
import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.email.EmailActivities;
import dev.herald.workflows.inapp.InAppActivities;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.notification.NotificationWorkflowImpl;
import dev.herald.workflows.push.PushActivities;
import dev.herald.workflows.sms.SmsActivities;
import dev.herald.workflows.template.TemplateActivities;
import dev.herald.workflows.voice.VoiceActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls one task queue per concern: the orchestration queue (notification workflows and the
 * delivery log) and one queue per channel whose activities this process hosts, each with its own
 * tuning. Each channel queue also serves that channel's broadcast batches ({@code SendBatch}), sent
 * through the same channel activity; its {@code ratePerSecond} then counts batches for broadcasts.
 * Off with {@code herald.worker.enabled=false} (API-only processes).
 */
@Component
@EnableConfigurationProperties(WorkerProperties.class)
@ConditionalOnProperty(name = "herald.worker.enabled", havingValue = "true", matchIfMissing = true)
public class HeraldWorkers implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(HeraldWorkers.class);

  private final WorkerFactory factory;
  private final List<String> queues = new ArrayList<>();
  private volatile boolean running;

  public HeraldWorkers(WorkflowClient client, WorkerProperties properties, DeliveryLogActivities deliveryLog,
      ObjectProvider<EmailActivities> email, ObjectProvider<SmsActivities> sms, ObjectProvider<VoiceActivities> voice,
      ObjectProvider<PushActivities> push, ObjectProvider<InAppActivities> inApp,
      ObjectProvider<TemplateActivities> templates, ObjectProvider<BroadcastBatches> broadcasts) {
    this.factory = WorkerFactory.newInstance(client);
    Worker orchestration = newWorker(properties, TaskQueues.NOTIFICATIONS);
    orchestration.registerWorkflowImplementationTypes(NotificationWorkflowImpl.class);
    orchestration.registerActivitiesImplementations(deliveryLog);
    templates.ifAvailable(orchestration::registerActivitiesImplementations);
    Map<Channel, ObjectProvider<?>> channels = new EnumMap<>(Channel.class);
    channels.put(Channel.EMAIL, email);
    channels.put(Channel.SMS, sms);
    channels.put(Channel.VOICE, voice);
    channels.put(Channel.PUSH, push);
    channels.put(Channel.IN_APP, inApp);
    channels.forEach((channel, activities) -> activities.ifAvailable(implementation -> {
      Worker worker = newWorker(properties, TaskQueues.forChannel(channel));
      worker.registerActivitiesImplementations(implementation);
      broadcasts.ifAvailable(
          batches -> worker.registerActivitiesImplementations(batches.forChannel(channel, implementation)));
    }));
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
    queues.add(taskQueue);
    return factory.newWorker(taskQueue, options.build());
  }

  @Override
  public void start() {
    factory.start();
    running = true;
    log.info("Temporal workers polling {}", queues);
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
