package dev.herald.workflows.notification;

import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.NotificationStatus;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * What the Temporal UI shows as a running notification's current details (Temporal's workflow metadata
 * query, encrypted like every answer): its status and why, what it waits for, how far its sending is.
 * Counts and times only, no addresses or content. Workflow-thread only; setting them is no command, so
 * they never touch replay.
 */
final class CurrentDetails {

  private NotificationStatus status;
  private String statusLine;
  private String waitsFor;
  private int batchesDone;
  private int batches;
  private List<ChannelCounts> counts = List.of();

  /** A status and its detail; what it waited for goes with a change of status. */
  void status(NotificationStatus status, String detail) {
    if (status != this.status) {
      waitsFor = null;
    }
    this.status = status;
    statusLine = detail == null ? status.name() : status + ": " + detail;
    publish();
  }

  /** What the notification waits for now, e.g. "an admin's decision until …"; null: nothing. */
  void waitsFor(String what) {
    waitsFor = what;
    publish();
  }

  /** How far its batches are (none shown while {@code total} is 0). */
  void batches(int done, int total) {
    batchesDone = done;
    batches = total;
    publish();
  }

  void batchDone() {
    batchesDone++;
    publish();
  }

  void counts(List<ChannelCounts> perChannel) {
    counts = perChannel;
    publish();
  }

  private void publish() {
    StringBuilder text = new StringBuilder(statusLine == null ? NotificationStatus.ACCEPTED.name() : statusLine);
    if (waitsFor != null) {
      text.append("  \nwaits for ").append(waitsFor);
    }
    if (batches > 1) {
      text.append("  \nbatches: ").append(batchesDone).append(" of ").append(batches).append(" done");
    }
    int total = sum(ChannelCounts::total);
    if (total > 0) {
      text.append("  \ndeliveries: ").append(sum(ChannelCounts::sent)).append(" sent, ")
          .append(sum(ChannelCounts::failed)).append(" failed, ").append(sum(ChannelCounts::skipped)).append(" skipped, ")
          .append(sum(ChannelCounts::pending)).append(" pending of ").append(total);
    }
    Workflow.setCurrentDetails(text.toString());
  }

  private int sum(ToIntFunction<ChannelCounts> count) {
    return counts.stream().mapToInt(count).sum();
  }
}
