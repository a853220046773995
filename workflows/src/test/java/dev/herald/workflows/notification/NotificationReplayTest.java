package dev.herald.workflows.notification;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays recorded histories against the current workflow code: fails when a change would make
 * running notifications non-deterministic. Histories are recorded by {@link RecordHistoriesTest}.
 */
class NotificationReplayTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "histories/notification-completed.json",
      "histories/notification-approved.json",
      "histories/notification-partially-failed.json",
      "histories/notification-fallback-receipt.json",
      "histories/notification-templated.json",
      "histories/broadcast-first-run.json",
      "histories/broadcast-continued.json"})
  void recordedHistoryReplaysWithoutNonDeterminism(String history) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(history, NotificationWorkflowImpl.class);
  }
}
