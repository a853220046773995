package dev.herald.api.notification;

import dev.herald.workflows.TemporalUiText;

/** A workflow's summary for the Temporal UI, sent plain at the start, within what the server takes ({@link TemporalUiText}). */
final class WorkflowSummary {

  static final int MAX_BYTES = TemporalUiText.PLAIN_SUMMARY_BYTES;

  private WorkflowSummary() {}

  static String clamp(String summary) {
    return TemporalUiText.clamp(summary, MAX_BYTES);
  }
}
