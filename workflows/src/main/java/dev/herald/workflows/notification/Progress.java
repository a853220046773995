package dev.herald.workflows.notification;

import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationProgress;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationStatus;
import java.util.List;
import java.util.function.ToIntFunction;

/** Counts kept by a notification workflow, answered by its query. Workflow-thread only. */
final class Progress {

  private NotificationStatus status = NotificationStatus.ACCEPTED;
  private String detail;
  private int total;
  private int sent;
  private int delivered;
  private int failed;
  private int skipped;
  private int cancelled;
  private List<ChannelCounts> channels = List.of();

  /** A broadcast's counts per channel; the totals follow from them. */
  void channels(List<ChannelCounts> perChannel) {
    channels = List.copyOf(perChannel);
    total = sum(ChannelCounts::total);
    sent = sum(ChannelCounts::sent);
    delivered = sum(ChannelCounts::delivered);
    failed = sum(ChannelCounts::failed);
    skipped = sum(ChannelCounts::skipped);
    cancelled = sum(ChannelCounts::cancelled);
  }

  List<ChannelCounts> channelCounts() {
    return channels;
  }

  private int sum(ToIntFunction<ChannelCounts> count) {
    return channels.stream().mapToInt(count).sum();
  }

  void plan(int deliveries) {
    total = deliveries;
  }

  void status(NotificationStatus status, String detail) {
    this.status = status;
    this.detail = detail;
  }

  void record(DeliveryStatus outcome) {
    switch (outcome) {
      case SENT -> sent++;
      case DELIVERED -> {
        sent++;
        delivered++;
      }
      case FAILED -> failed++;
      case SKIPPED -> skipped++;
      case CANCELLED -> cancelled++;
      case PENDING -> {}
    }
  }

  /** A receipt for a delivery already counted as sent. */
  void receipt(DeliveryStatus outcome) {
    if (outcome == DeliveryStatus.DELIVERED) {
      delivered++;
    } else if (outcome == DeliveryStatus.FAILED) {
      sent--;
      failed++;
    }
  }

  void cancelled(int released) {
    cancelled += released;
  }

  int pending() {
    return total - sent - failed - skipped - cancelled;
  }

  NotificationProgress snapshot(ApprovalDecision approval) {
    return new NotificationProgress(status, total, pending(), sent, delivered, failed, skipped, cancelled, approval, detail, channels);
  }

  NotificationResult result(String id) {
    return new NotificationResult(id, status, sent, delivered, failed, skipped, cancelled, detail);
  }
}
