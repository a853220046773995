package dev.herald.devkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The in-process server, set up as the embedded default, keeps no lock events however many workflows it runs. */
class TestServerLockLogTest {

  private static final String QUEUE = "lock-log-test";
  private static final int WORKFLOWS = 50;

  @Test
  void withoutTheFixEveryWorkflowLeavesLockEventsBehind() throws Exception {
    try (TestWorkflowEnvironment environment = realTimeEnvironment()) {
      runWorkflows(environment);

      assertThat(TestServerLockLog.recordedEvents(environment)).isGreaterThan(WORKFLOWS);
    }
  }

  @Test
  void stoppedRecordingTheServerKeepsNoLockEventsAndStillRunsWorkflows() throws Exception {
    try (TestWorkflowEnvironment environment = realTimeEnvironment()) {
      assertThat(TestServerLockLog.stopRecording(environment)).isTrue();

      runWorkflows(environment);

      assertThat(TestServerLockLog.recordedEvents(environment)).isZero();
    }
  }

  private static TestWorkflowEnvironment realTimeEnvironment() {
    return TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
  }

  private static void runWorkflows(TestWorkflowEnvironment environment) {
    Worker worker = environment.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(EchoWorkflowImpl.class);
    worker.registerActivitiesImplementations((EchoActivity) text -> text);
    environment.start();
    for (int i = 0; i < WORKFLOWS; i++) {
      EchoWorkflow workflow = environment.getWorkflowClient().newWorkflowStub(EchoWorkflow.class,
          WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("echo-" + i).build());
      assertThat(workflow.echo("hello " + i)).isEqualTo("hello " + i);
    }
  }

  @WorkflowInterface
  public interface EchoWorkflow {
    @WorkflowMethod
    String echo(String text);
  }

  @ActivityInterface
  public interface EchoActivity {
    String echoBack(String text);
  }

  public static class EchoWorkflowImpl implements EchoWorkflow {
    private final EchoActivity activity = Workflow.newActivityStub(EchoActivity.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public String echo(String text) {
      return activity.echoBack(text);
    }
  }
}
