package dev.herald.api.bench;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The ceiling of Temporal itself on this machine and server: a workflow with one trivial activity,
 * on a queue of its own, with the same poller counts as Herald's queues, at most {@code inFlight}
 * workflows running at once.
 */
final class BareTemporal {

  static final String QUEUE = "bench-bare";
  /** The poller counts of Herald's queues. */
  static final WorkerOptions WORKER = WorkerOptions.newBuilder()
      .setMaxConcurrentWorkflowTaskPollers(2).setMaxConcurrentActivityTaskPollers(2).build();

  @WorkflowInterface
  public interface BareWorkflow {
    @WorkflowMethod
    String run(String input);
  }

  @ActivityInterface
  public interface BareActivity {
    String touch(String input);
  }

  public static class BareWorkflowImpl implements BareWorkflow {
    private final BareActivity activity = Workflow.newActivityStub(BareActivity.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

    @Override
    public String run(String input) {
      return activity.touch(input);
    }
  }

  /** The activity's body: nothing ({@code input -> input}), or e.g. sending one email. */
  static class BareActivityImpl implements BareActivity {
    private final UnaryOperator<String> body;

    BareActivityImpl(UnaryOperator<String> body) {
      this.body = body;
    }

    @Override
    public String touch(String input) {
      return body.apply(input);
    }
  }

  private BareTemporal() {}

  /** Runs {@code count} workflows whose activity does nothing and returns workflows per second. */
  static double workflowsPerSecond(WorkflowClient client, int count, int inFlight) throws InterruptedException {
    return workflowsPerSecond(client, count, inFlight, input -> input);
  }

  /** Runs {@code count} workflows whose one activity runs {@code body} on a distinct input each; workflows per second. */
  static double workflowsPerSecond(WorkflowClient client, int count, int inFlight, UnaryOperator<String> body)
      throws InterruptedException {
    return workflowsPerSecond(client, count, inFlight, factory -> {
      var worker = factory.newWorker(QUEUE, WORKER);
      worker.registerWorkflowImplementationTypes(BareWorkflowImpl.class);
      worker.registerActivitiesImplementations(new BareActivityImpl(body));
    }, (run, i) -> {
      BareWorkflow workflow = client.newWorkflowStub(BareWorkflow.class,
          WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("bench-bare-" + run + "-" + i).build());
      WorkflowClient.start(workflow::run, "bare-" + run + "-" + i);
      return WorkflowStub.fromTyped(workflow).getResultAsync(String.class);
    });
  }

  /** Starts the i-th workflow of a run and returns its result. */
  interface Start {
    CompletableFuture<?> workflow(String run, int i);
  }

  /**
   * Runs {@code count} workflows started by {@code start} on workers {@code workers} registers, at most
   * {@code inFlight} at once; workflows per second from the first start to the last result.
   */
  static double workflowsPerSecond(WorkflowClient client, int count, int inFlight, Consumer<WorkerFactory> workers,
      Start start) throws InterruptedException {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    workers.accept(factory);
    factory.start();
    try {
      String run = Long.toString(System.currentTimeMillis(), 36);
      Semaphore slots = new Semaphore(inFlight);
      List<CompletableFuture<?>> results = new ArrayList<>(count);
      long begin = System.nanoTime();
      for (int i = 0; i < count; i++) {
        slots.acquire();
        results.add(start.workflow(run, i).whenComplete((result, failure) -> slots.release()));
      }
      CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
      return count / ((System.nanoTime() - begin) / 1e9);
    } finally {
      factory.shutdownNow();
    }
  }
}
