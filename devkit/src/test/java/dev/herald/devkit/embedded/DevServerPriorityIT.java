package dev.herald.devkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.Priority;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev server as Herald starts it ({@link DevServerTuning}) dispatches by priority and fairness
 * keys: tasks queue up with no worker polling, then one worker with a single slot takes them, and
 * the order it got them in is checked. Needs the Temporal CLI, as {@link TemporalDevServerIT}.
 */
class DevServerPriorityIT {

  private static final int BACKLOG = 150;
  /**
   * Tasks a worker may have taken before the late high one reached the head: pollers in flight and what the
   * matcher had already read ahead from the backlog. In arrival order the high one would run last.
   */
  private static final int SLACK = 10;
  private static final List<String> ran = new CopyOnWriteArrayList<>();

  @TempDir static Path dataDir;
  private static TemporalDevServer server;
  private static WorkflowServiceStubs stubs;
  private static WorkflowClient client;

  @BeforeAll
  static void startServer() throws IOException {
    Path cli = TemporalCli.onThisMachine().find().orElseThrow(() -> new AssertionError(
        "This test needs the Temporal CLI: install it with `" + TemporalCli.INSTALL_COMMAND + "`"));
    server = new TemporalDevServer(cli, freePort(), freePort(), "default", dataDir, Duration.ofSeconds(60)).start();
    stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
    client = WorkflowClient.newInstance(stubs);
  }

  @AfterAll
  static void stopServer() {
    stubs.shutdownNow();
    server.close();
  }

  @BeforeEach
  void forget() {
    ran.clear();
  }

  @Test
  void aHighWorkflowTaskQueuedBehindManyLowOnesRunsFirst() {
    String queue = "priority-workflows";
    IntStream.range(0, BACKLOG).forEach(i -> start(queue, "low-" + i, 5, "sender"));
    start(queue, "high", 1, "sender");

    drainWithOneSlot(queue, null);

    assertThat(ran.indexOf("high")).as("position of the high task in %s", ran).isLessThan(SLACK);
  }

  /** Activities that set no priority are dispatched at their workflow's (the server merges it in). */
  @Test
  void anActivityInheritsItsWorkflowsPriority() {
    String queue = "priority-activities";
    WorkerFactory workflowsOnly = WorkerFactory.newInstance(client);
    workflowsOnly.newWorker(queue).registerWorkflowImplementationTypes(CallsActivity.class);
    workflowsOnly.start();
    try {
      IntStream.range(0, BACKLOG).forEach(i -> start(queue, "low-" + i, 5, "sender"));
      start(queue, "high", 1, "sender");
      // every workflow has scheduled its activity: the activity tasks wait, nobody polls the activity queue
      await().atMost(Duration.ofSeconds(60)).until(() -> scheduledActivities(queue) == BACKLOG + 1);
    } finally {
      workflowsOnly.shutdownNow();
    }

    drainWithOneSlot(queue + "-activities", new Records());

    assertThat(ran.indexOf("high")).as("position of the high activity in %s", ran).isLessThan(SLACK);
  }

  /** One sender's backlog shares the worker with another sender's later tasks of the same priority. */
  @Test
  void anotherSendersTasksAreNotHeldBehindOneSendersBacklog() {
    String queue = "fairness-workflows";
    IntStream.range(0, BACKLOG).forEach(i -> start(queue, "a-" + i, 3, "sender-a"));
    IntStream.range(0, 10).forEach(i -> start(queue, "b-" + i, 3, "sender-b"));

    drainWithOneSlot(queue, null);

    int lastOfB = IntStream.range(0, 10).map(i -> ran.indexOf("b-" + i)).max().orElseThrow();
    assertThat(lastOfB).as("position of sender B's last task in %s", ran).isLessThan(2 * 10 + SLACK);
  }

  private static void start(String queue, String id, int priorityKey, String fairnessKey) {
    WorkflowClient.start(client.newWorkflowStub(Probe.class, WorkflowOptions.newBuilder()
        .setWorkflowId(queue + "-" + id).setTaskQueue(queue)
        .setPriority(Priority.newBuilder().setPriorityKey(priorityKey).setFairnessKey(fairnessKey).build())
        .build())::run, id);
  }

  private static int scheduledActivities(String queue) {
    return (int) IntStream.rangeClosed(0, BACKLOG).mapToObj(i -> i == BACKLOG ? "high" : "low-" + i)
        .filter(id -> client.fetchHistory(queue + "-" + id).getEvents().stream()
            .anyMatch(event -> event.hasActivityTaskScheduledEventAttributes()))
        .count();
  }

  /** A worker with one slot and one poller on {@code queue}, until every task of the backlog has run. */
  private static void drainWithOneSlot(String queue, Records activities) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    var worker = factory.newWorker(queue, WorkerOptions.newBuilder()
        .setMaxConcurrentWorkflowTaskExecutionSize(2).setMaxConcurrentWorkflowTaskPollers(2)
        .setMaxConcurrentActivityExecutionSize(1).setMaxConcurrentActivityTaskPollers(1).build());
    if (activities == null) {
      worker.registerWorkflowImplementationTypes(Records.Workflow.class);
    } else {
      worker.registerActivitiesImplementations(activities);
    }
    factory.start();
    try {
      await().atMost(Duration.ofMinutes(2)).until(() -> ran.size() > BACKLOG);
    } finally {
      factory.shutdownNow();
    }
  }

  @WorkflowInterface
  public interface Probe {
    @WorkflowMethod
    void run(String id);
  }

  @ActivityInterface
  public interface Record {
    void record(String id);
  }

  /** Notes the order tasks ran in: as an activity, or as a workflow's only task. */
  public static class Records implements Record {
    @Override
    public void record(String id) {
      ran.add(id);
    }

    public static class Workflow implements Probe {
      @Override
      public void run(String id) {
        if (!io.temporal.workflow.Workflow.isReplaying()) {
          ran.add(id);
        }
      }
    }
  }

  /** Schedules one activity on the activity queue, without a priority of its own. */
  public static class CallsActivity implements Probe {
    @Override
    public void run(String id) {
      String queue = Workflow.getInfo().getTaskQueue() + "-activities";
      Workflow.newActivityStub(Record.class, ActivityOptions.newBuilder().setTaskQueue(queue)
          .setStartToCloseTimeout(Duration.ofMinutes(1)).build()).record(id);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
