package dev.herald.api.notification;

import dev.herald.activities.delivery.HistoryFilter;
import dev.herald.api.security.Caller;
import dev.herald.workflows.notification.NotificationIds;
import java.util.Optional;

/**
 * Which notifications a caller may see and steer, wherever it asks (the REST API, the console): a
 * sender its own, an admin every sender's. Another sender's notification is not found, as an
 * unknown one, so ids do not leak.
 */
public final class NotificationAccess {

  private NotificationAccess() {}

  /** The id, when the caller may see that notification; else {@link NotificationNotFoundException}. */
  public static String owned(String id, Caller caller) {
    if (!caller.isAdmin() && !NotificationIds.isOf(id, caller.sender())) {
      throw new NotificationNotFoundException(id);
    }
    return id;
  }

  /**
   * The history filter as the caller may use it: an admin's as it is (every sender's, or the one it
   * names); a sender's narrowed to its own notifications, and empty when it names another sender,
   * of whom it may see nothing.
   */
  public static Optional<HistoryFilter> visible(HistoryFilter filter, Caller caller) {
    if (caller.isAdmin()) {
      return Optional.of(filter);
    }
    if (filter.sender() != null && !filter.sender().equals(caller.sender())) {
      return Optional.empty();
    }
    return Optional.of(filter.withSender(caller.sender()));
  }
}
