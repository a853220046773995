package dev.herald.workflows.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.workflows.digest.DigestWorkflowImpl;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every recorded history against the current workflow code (notifications and digests): fails
 * when a change would make running notifications non-deterministic. {@link RecordHistoriesTest} records the current version's
 * histories at the top of {@code histories/}; those of earlier versions live in sub-folders named
 * after the version (e.g. {@code v0-activity-log/}) and are kept for as long as such workflows may run.
 */
class NotificationReplayTest {

  @ParameterizedTest
  @MethodSource("histories")
  void recordedHistoryReplaysWithoutNonDeterminism(String history) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(history, NotificationWorkflowImpl.class,
        DigestWorkflowImpl.class);
  }

  static List<String> histories() throws IOException {
    Path root = RecordHistoriesTest.HISTORIES.getParent();
    try (Stream<Path> files = Files.walk(RecordHistoriesTest.HISTORIES)) {
      List<String> histories = files.filter(f -> f.toString().endsWith(".json"))
          .map(f -> root.relativize(f).toString().replace('\\', '/'))
          .sorted()
          .toList();
      assertThat(histories).as("recorded histories").hasSizeGreaterThanOrEqualTo(9);
      return histories;
    }
  }
}
