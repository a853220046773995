package dev.herald.activities.inapp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Recipients' in-app inboxes as their readers see them: pages, unread counts, read marks, and the
 * items a stream has not sent yet. Every call but {@link #latestOfAll} names one inbox, a recipient id
 * of one owner (the sender whose recipient it is), and sees only that inbox. The in-app channel
 * writes the items; new ones are announced on {@link InboxEvents#CHANNEL}.
 */
@Component
public class Inbox {

  private final InboxItemRepository items;

  Inbox(InboxItemRepository items) {
    this.items = items;
  }

  public Optional<InboxItem> find(String owner, String recipientId, long itemId) {
    return items.findOne(itemId, owner, recipientId);
  }

  /** Newest first, at most {@code limit}; only those older than {@code beforeId} when it is not null. */
  public List<InboxItem> newestFirst(String owner, String recipientId, boolean unreadOnly, Long beforeId, int limit) {
    return items.findPage(owner, recipientId, unreadOnly, beforeId, limit);
  }

  public long unreadCount(String owner, String recipientId) {
    return items.countUnread(owner, recipientId);
  }

  /** The item marked read at {@code at}, or empty when the inbox has no such item; read again, it keeps its first time. */
  public Optional<InboxItem> markRead(String owner, String recipientId, long itemId, Instant at) {
    return items.markRead(itemId, owner, recipientId, at) == 0 ? Optional.empty() : find(owner, recipientId, itemId);
  }

  /** The item marked unread, or empty when the inbox has no such item. */
  public Optional<InboxItem> markUnread(String owner, String recipientId, long itemId) {
    return items.markUnread(itemId, owner, recipientId) == 0 ? Optional.empty() : find(owner, recipientId, itemId);
  }

  /**
   * The id a stream starts after: without {@code lastEventId}, the newest item's (it sends only what
   * comes next; 0 for an empty inbox); with it, that id, but replaying at most {@code maxReplay} of the newest.
   */
  public long streamStart(String owner, String recipientId, Long lastEventId, int maxReplay) {
    return lastEventId == null
        ? items.findLatestId(owner, recipientId)
        : Math.max(lastEventId, items.findIdBeforeNewest(owner, recipientId, maxReplay));
  }

  /** Items after {@code afterId}, oldest first, at most {@code limit}: what a stream has not sent yet. */
  public List<InboxItem> after(String owner, String recipientId, long afterId, int limit) {
    return items.findNewer(owner, recipientId, afterId, limit);
  }

  /** The latest items of every inbox, newest first (the dev kit's outbox). */
  public List<InboxItem> latestOfAll(int limit) {
    return items.findLatest(limit);
  }
}
