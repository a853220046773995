package dev.herald.devkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A command under a {@link Lifeline} stops with the JVM that started it, however that JVM ends. */
class LifelineTest {

  private Process wrapper;

  @AfterEach
  void killWhatIsLeft() {
    if (wrapper != null) {
      wrapper.descendants().forEach(ProcessHandle::destroyForcibly);
      wrapper.destroyForcibly();
    }
  }

  @Test
  void theCommandGetsSigtermWhenTheJvmThatStartedItIsGone() throws Exception {
    wrapper = start("sleep", "600");
    ProcessHandle command = await().atMost(Duration.ofSeconds(5))
        .until(() -> wrapper.descendants().filter(this::isSleep).findFirst().orElse(null), found -> found != null);

    // what the kernel does to the JVM's end of the pipe when the JVM dies, kill -9 included
    wrapper.getOutputStream().close();

    assertThat(wrapper.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(wrapper.exitValue()).isEqualTo(128 + 15);
    await().atMost(Duration.ofSeconds(5)).until(() -> !command.isAlive());
  }

  @Test
  void sigtermToTheWrapperReachesTheCommandAndTheWrapperWaitsForItToFinish() throws Exception {
    wrapper = start("sh", "-c", "trap 'sleep 0.3; exit 7' TERM; while :; do sleep 0.05; done");
    await().atMost(Duration.ofSeconds(5)).until(() -> wrapper.descendants().anyMatch(this::isSleep));

    wrapper.destroy();

    assertThat(wrapper.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(wrapper.exitValue()).as("the command's own exit code, after its TERM handler ran").isEqualTo(7);
  }

  @Test
  void aCommandThatEndsByItselfEndsTheWrapperWithItsExitCodeAndLeavesNothingRunning() throws Exception {
    wrapper = start("sh", "-c", "exit 3");

    assertThat(wrapper.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(wrapper.exitValue()).isEqualTo(3);
    await().atMost(Duration.ofSeconds(5)).until(() -> wrapper.descendants().noneMatch(ProcessHandle::isAlive));
  }

  private Process start(String... command) throws IOException {
    return new ProcessBuilder(Lifeline.around(List.of(command))).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private boolean isSleep(ProcessHandle process) {
    return process.info().command().map(command -> command.endsWith("/sleep")).orElse(false);
  }
}
