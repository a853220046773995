package dev.herald.api.bench;

import dev.herald.workflows.HeraldSearchAttributes;
import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.channel.ChannelActivities;
import dev.herald.workflows.messages.ApprovalPolicy;
import dev.herald.workflows.messages.Audience;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelMode;
import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.messages.Recipient;
import dev.herald.workflows.notification.DeliveryPolicies;
import dev.herald.workflows.notification.NotificationIds;
import dev.herald.workflows.notification.NotificationStart;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Herald's single email notification reduced to its Temporal calls: the same start (memo, search
 * attributes: it starts as SENDING, priority, summary), the same payloads, the two delivery-log local
 * activities (audience, final status), the final status upsert and the email batch activity on a queue
 * of its own; every activity a no-op. No Kafka, no PostgreSQL, no SMTP. What Temporal alone allows a single send on
 * this machine and server; mirrors {@code NotificationWorkflowImpl} for one email without approval
 * or {@code sendAt}, so change it with that.
 */
final class WorkflowShape {

  static final String QUEUE = "bench-shape";
  static final String EMAIL_QUEUE = "bench-shape-email";

  @WorkflowInterface
  public interface ShapeWorkflow {
    @WorkflowMethod
    NotificationStatus send(NotificationSpec spec);
  }

  public static class ShapeWorkflowImpl implements ShapeWorkflow {

    @Override
    public NotificationStatus send(NotificationSpec spec) {
      DeliveryLogActivities log =
          Workflow.newLocalActivityStub(DeliveryLogActivities.class, DeliveryPolicies.deliveryLogLocal());
      ChannelActivities email = Workflow.newActivityStub(ChannelActivities.class,
          ActivityOptions.newBuilder(DeliveryPolicies.forBatch(Channel.EMAIL, 1)).setTaskQueue(EMAIL_QUEUE).build());
      Audience audience = log.recordAudience(spec, NotificationStatus.SENDING);
      Workflow.setCurrentDetails(NotificationStatus.SENDING.name());
      Promise<ChannelCounts> batch = Async.function(email::sendBatch, new BatchRequest(spec.id(), spec.sender(),
          Channel.EMAIL, 0, audience.recipients(), spec.content(), null, List.of(), null, null, null, false));
      Workflow.await(batch::isCompleted);
      show(NotificationStatus.COMPLETED);
      log.recordStatus(spec.id(), NotificationStatus.COMPLETED, null);
      return NotificationStatus.COMPLETED;
    }

    private static void show(NotificationStatus status) {
      Workflow.upsertTypedSearchAttributes(HeraldSearchAttributes.STATUS.valueSet(status.name()));
      Workflow.setCurrentDetails(status.name());
    }
  }

  private WorkflowShape() {}

  /** Runs {@code count} such workflows, at most {@code inFlight} at once; workflows per second. */
  static double workflowsPerSecond(WorkflowClient client, int count, int inFlight, String to)
      throws InterruptedException {
    return BareTemporal.workflowsPerSecond(client, count, inFlight, WorkflowShape::registerWorkers, (run, i) -> {
      NotificationSpec spec = spec("bench-shape-" + run + "-" + i, to);
      ShapeWorkflow workflow = client.newWorkflowStub(ShapeWorkflow.class, options(spec));
      WorkflowClient.start(workflow::send, spec);
      return WorkflowStub.fromTyped(workflow).getResultAsync(NotificationStatus.class);
    });
  }

  /**
   * {@code total} such workflows started open loop at {@code perSecond}, with Temporal's eager start
   * or without: each one's time from when its start was due to its result (those without a result
   * within two minutes of the last start are missing from the count).
   */
  static Latencies openLoop(WorkflowClient client, double perSecond, int total, String to, boolean eager) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    registerWorkers(factory);
    factory.start();
    try {
      String run = Long.toString(System.nanoTime(), 36);
      Latencies latencies = new Latencies();
      List<CompletableFuture<?>> results = new ArrayList<>(total);
      long begin = System.nanoTime();
      for (int i = 0; i < total; i++) {
        long due = begin + (long) (i * 1e9 / perSecond);
        LockSupport.parkNanos(due - System.nanoTime());
        NotificationSpec spec = spec("bench-shape-" + run + "-" + i, to);
        ShapeWorkflow workflow = client.newWorkflowStub(ShapeWorkflow.class,
            WorkflowOptions.newBuilder(options(spec)).setDisableEagerExecution(!eager).build());
        WorkflowClient.start(workflow::send, spec);
        results.add(WorkflowStub.fromTyped(workflow).getResultAsync(NotificationStatus.class)
            .whenComplete((status, failure) -> latencies.record(Duration.ofNanos(System.nanoTime() - due))));
      }
      try {
        // bounded: a start that never completes shows as a count short of the total, not as a hang
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
      } catch (ExecutionException | TimeoutException incomplete) {
        // reported by the count
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return latencies;
    } finally {
      factory.shutdownNow();
    }
  }

  private static void registerWorkers(WorkerFactory factory) {
    var worker = factory.newWorker(QUEUE, BareTemporal.WORKER);
    worker.registerWorkflowImplementationTypes(ShapeWorkflowImpl.class);
    worker.registerActivitiesImplementations(noOp(DeliveryLogActivities.class));
    factory.newWorker(EMAIL_QUEUE, BareTemporal.WORKER).registerActivitiesImplementations(noOp(ChannelActivities.class));
  }

  /** What the API makes of the benchmark's request for one email. */
  private static NotificationSpec spec(String key, String to) {
    return new NotificationSpec(NotificationIds.of("anonymous", key), key, "anonymous", List.of(Channel.EMAIL),
        List.of(Recipient.ofEmail(to)), new Content("bench", "Hello from Herald"), Priority.NORMAL, null,
        new ApprovalPolicy(1_000, Duration.ofHours(24)), Instant.now(), "0".repeat(64), ChannelMode.ALL,
        Duration.ofMinutes(10), null, null, null, null, null);
  }

  /** As {@code NotificationSubmitter} starts a notification, on the shape's queue. */
  private static WorkflowOptions options(NotificationSpec spec) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(spec.id())
        .setTaskQueue(QUEUE)
        .setMemo(Map.of("requestHash", spec.requestHash()))
        .setTypedSearchAttributes(NotificationStart.searchAttributes(spec))
        .setPriority(DeliveryPolicies.taskPriority(spec.priority(), spec.sender()))
        .setStaticSummary("EMAIL to 1 recipient(s) from anonymous, NORMAL priority")
        .build();
  }

  /** An implementation of {@code activities} that does nothing: it answers one email recorded and sent, the rest null. */
  private static <T> T noOp(Class<T> activities) {
    return activities.cast(Proxy.newProxyInstance(activities.getClassLoader(), new Class<?>[] {activities},
        (proxy, method, args) -> switch (method.getName()) {
          case "recordAudience" -> new Audience(1, List.of(ChannelCounts.reserved(Channel.EMAIL, 1)));
          case "sendBatch" -> new ChannelCounts(Channel.EMAIL, 1, 0, 1, 0, 0, 0, 0);
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          case "toString" -> "no-op " + activities.getSimpleName();
          default -> null;
        }));
  }
}
