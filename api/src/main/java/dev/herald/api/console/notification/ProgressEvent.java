package dev.herald.api.console.notification;

import dev.herald.api.notification.NotificationView;
import dev.herald.workflows.messages.NotificationStatus;

/**
 * A notification's progress as the detail page shows it and its event stream sends it: the status,
 * the deliveries done (every one no longer pending) of the total, and the same in words.
 */
record ProgressEvent(NotificationStatus status, String statusDetail, long total, long done, int percent,
    boolean finished, String text) {

  static ProgressEvent of(NotificationView notification) {
    NotificationView.Counts counts = notification.progress();
    long done = counts.total() - counts.pending();
    int percent = counts.total() == 0 ? 0 : (int) (100 * done / counts.total());
    String text = counts.total() == 0
        ? "No deliveries recorded yet."
        : percent + "% · " + done + " of " + counts.total() + " done: " + counts.sent() + " sent ("
            + counts.delivered() + " confirmed delivered), " + counts.failed() + " failed, " + counts.skipped()
            + " skipped, " + counts.cancelled() + " cancelled, " + counts.pending() + " pending";
    return new ProgressEvent(notification.status(), notification.statusDetail(), counts.total(), done, percent,
        notification.status().isFinal(), text);
  }
}
