package dev.herald.workflows.notification;

import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.NotificationProgress;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationStatus;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * What a notification workflow's query answers: its status and its deliveries' counts per channel, also
 * shown in its {@link CurrentDetails}. Workflow-thread only.
 */
final class Progress {

  /** The Temporal UI's view of the same, with what the notification waits for and its batches. */
  final CurrentDetails details = new CurrentDetails();

  private NotificationStatus status = NotificationStatus.ACCEPTED;
  private String detail;
  private List<ChannelCounts> channels = List.of();

  void channels(List<ChannelCounts> perChannel) {
    channels = List.copyOf(perChannel);
    details.counts(channels);
  }

  List<ChannelCounts> channelCounts() {
    return channels;
  }

  void status(NotificationStatus status, String detail) {
    this.status = status;
    this.detail = detail;
    details.status(status, detail);
  }

  private int sum(ToIntFunction<ChannelCounts> count) {
    return channels.stream().mapToInt(count).sum();
  }

  NotificationProgress snapshot(ApprovalDecision approval) {
    return new NotificationProgress(status, sum(ChannelCounts::total), sum(ChannelCounts::pending),
        sum(ChannelCounts::sent), sum(ChannelCounts::delivered), sum(ChannelCounts::failed), sum(ChannelCounts::skipped),
        sum(ChannelCounts::cancelled), approval, detail, channels);
  }

  NotificationResult result(String id) {
    return new NotificationResult(id, status, sum(ChannelCounts::sent), sum(ChannelCounts::delivered),
        sum(ChannelCounts::failed), sum(ChannelCounts::skipped), sum(ChannelCounts::cancelled), detail);
  }
}
