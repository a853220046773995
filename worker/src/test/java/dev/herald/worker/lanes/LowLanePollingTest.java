package dev.herald.worker.lanes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.activities.precedence.Precedence;
import dev.herald.activities.precedence.PrecedenceProperties;
import dev.herald.activities.precedence.Work;
import dev.herald.workflows.messages.Priority;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.activity.ActivityInterface;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The low lanes' real Temporal workers stop polling while HIGH work runs, and poll again after it; between
 * those pauses, while HIGH work still runs, they take one task at a time.
 */
class LowLanePollingTest {

  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final Precedence precedence = new Precedence(new PrecedenceProperties(true, Duration.ofMillis(300),
      Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(30)), new SimpleMeterRegistry());
  private final LowLanePolling lanes = new LowLanePolling(precedence);
  private final Worker email = lane("email-low");
  private final Worker orchestration = lane("herald-notifications-low");
  private static final AtomicInteger running = new AtomicInteger();
  private static final AtomicInteger mostAtOnce = new AtomicInteger();
  /** Holds the fan-out's activities until the test opens it. */
  private static volatile CountDownLatch gate = new CountDownLatch(0);

  @ActivityInterface
  public interface Nothing {
    void nothing();
  }

  @WorkflowInterface
  public interface FanOut {
    @WorkflowMethod
    void fanOut(int activities);
  }

  /** Runs its activities on the email lane all at once. */
  public static class FanOutImpl implements FanOut {
    @Override
    public void fanOut(int activities) {
      Nothing each = Workflow.newActivityStub(Nothing.class, ActivityOptions.newBuilder().setTaskQueue("email-low")
          .setStartToCloseTimeout(Duration.ofSeconds(30)).build());
      List<Promise<Void>> all = new ArrayList<>();
      for (int i = 0; i < activities; i++) {
        all.add(Async.procedure(each::nothing));
      }
      Promise.allOf(all).get();
    }
  }

  private Worker lane(String queue) {
    // one poller each, as Herald's low lanes have: a poll waiting at the server holds a slot too
    Worker worker = env.newWorker(queue, WorkerOptions.newBuilder().setWorkerTuner(lanes.tuner(4))
        .setMaxConcurrentWorkflowTaskPollers(1).setMaxConcurrentActivityTaskPollers(1).build());
    lanes.add(worker);
    return worker;
  }

  /** An activity that waits at the gate and counts how many run at once. */
  private static void atTheGate() {
    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
    try {
      gate.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } finally {
      running.decrementAndGet();
    }
  }

  @WorkflowInterface
  public interface Idle {
    @WorkflowMethod
    void idle();
  }

  public static class IdleImpl implements Idle {
    @Override
    public void idle() {}
  }

  @BeforeEach
  void register() {
    email.registerActivitiesImplementations((Nothing) LowLanePollingTest::atTheGate);
    orchestration.registerWorkflowImplementationTypes(IdleImpl.class, FanOutImpl.class);
    mostAtOnce.set(0);
  }

  @AfterEach
  void stop() {
    lanes.stop();
    env.close();
  }

  @Test
  void lanesStopPollingWhileHighWorkRunsAndPollAgainAHoldAfterIt() {
    env.start();
    lanes.start();
    assertThat(email.isSuspended()).isFalse();

    precedence.seen(Work.of(Priority.HIGH, 1));
    await().atMost(Duration.ofSeconds(5)).until(lanes::suspended);
    assertThat(email.isSuspended()).isTrue();
    assertThat(orchestration.isSuspended()).isTrue();

    await().atMost(Duration.ofSeconds(5)).until(() -> !lanes.suspended());
    assertThat(email.isSuspended()).isFalse();
    assertThat(orchestration.isSuspended()).isFalse();
  }

  @Test
  void lowerWorkThanHighDoesNotStopTheLanes() {
    env.start();
    lanes.start();

    precedence.seen(Work.of(Priority.NORMAL, 1));
    lanes.tick();

    assertThat(lanes.suspended()).isFalse();
    assertThat(email.isSuspended()).isFalse();
  }

  @Test
  void whileHighWorkRunsALaneTakesItsTasksOneAtATimeAndAfterItSeveral() {
    ScheduledExecutorService high = Executors.newSingleThreadScheduledExecutor();
    high.scheduleAtFixedRate(() -> precedence.seen(Work.of(Priority.HIGH, 1)), 0, 50, TimeUnit.MILLISECONDS);
    await().atMost(Duration.ofSeconds(5)).until(precedence::highWorkRuns);
    env.start();
    try {
      WorkflowStub fan = fanOut(4);
      await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == 1);
      // the other three wait at the server, not in this worker, for as long as the first holds its slot
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> running.get() == 1);
      gate.countDown();
      fan.getResult(Void.class);
      assertThat(mostAtOnce.get()).isEqualTo(1);
    } finally {
      high.shutdownNow();
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> !precedence.highWorkRuns());
    mostAtOnce.set(0);
    WorkflowStub fan = fanOut(4);
    await().atMost(Duration.ofSeconds(5)).until(() -> running.get() > 1);
    gate.countDown();
    fan.getResult(Void.class);
  }

  /** Starts the fan-out workflow with a closed gate. */
  private WorkflowStub fanOut(int activities) {
    gate = new CountDownLatch(1);
    WorkflowStub fan = env.getWorkflowClient().newUntypedWorkflowStub("FanOut", WorkflowOptions.newBuilder()
        .setTaskQueue("herald-notifications-low").build());
    fan.start(activities);
    return fan;
  }
}
