package dev.herald.api.inbox;

import dev.herald.activities.inapp.Inbox;
import dev.herald.activities.inapp.InboxItem;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream of one inbox (a recipient id of one owner), with its cursor: the id of the last item it sent. A
 * catch-up sends every item after the cursor, in order, so an announcement that arrives twice, late
 * or for several items at once sends each item exactly once on this stream.
 */
final class InboxSubscription {

  static final String ITEM_EVENT = "item";
  private static final int BATCH = 100;

  private final String owner;
  private final String recipientId;
  private final SseEmitter emitter;
  private final AtomicBoolean catchUpPending = new AtomicBoolean();
  private long cursor;

  InboxSubscription(String owner, String recipientId, SseEmitter emitter, long cursor) {
    this.owner = owner;
    this.recipientId = recipientId;
    this.emitter = emitter;
    this.cursor = cursor;
  }

  String recipientId() {
    return recipientId;
  }

  SseEmitter emitter() {
    return emitter;
  }

  /** True when no catch-up is waiting yet: the caller schedules one. */
  boolean requestCatchUp() {
    return catchUpPending.compareAndSet(false, true);
  }

  /** Sends the items this stream has not sent yet, oldest first; IOException when the client is gone. */
  synchronized void catchUp(Inbox inbox) throws IOException {
    catchUpPending.set(false);
    List<InboxItem> newer;
    do {
      newer = inbox.after(owner, recipientId, cursor, BATCH);
      for (InboxItem item : newer) {
        emitter.send(SseEmitter.event()
            .id(Long.toString(item.id()))
            .name(ITEM_EVENT)
            .data(InboxItemView.of(item), MediaType.APPLICATION_JSON));
        cursor = item.id();
      }
    } while (newer.size() == BATCH);
  }

  synchronized void comment(String text) throws IOException {
    emitter.send(SseEmitter.event().comment(text));
  }
}
