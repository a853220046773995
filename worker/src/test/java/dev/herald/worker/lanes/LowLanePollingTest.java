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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The low lanes' real Temporal workers stop polling while HIGH work runs, and poll again after it. */
class LowLanePollingTest {

  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final Precedence precedence = new Precedence(new PrecedenceProperties(true, Duration.ofMillis(300),
      Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(30)), new SimpleMeterRegistry());
  private final Worker email = env.newWorker("email-low");
  private final Worker orchestration = env.newWorker("herald-notifications-low");
  private final LowLanePolling lanes = new LowLanePolling(precedence, List.of(email, orchestration));

  @ActivityInterface
  public interface Nothing {
    void nothing();
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
    email.registerActivitiesImplementations((Nothing) () -> {});
    orchestration.registerWorkflowImplementationTypes(IdleImpl.class);
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
}
