package dev.herald.api.notification;

import dev.herald.activities.delivery.KeyUse;
import dev.herald.activities.delivery.NotificationHistory;
import dev.herald.api.web.ApiProperties;
import dev.herald.workflows.notification.NotificationIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tells a repeated request from a new one by its idempotency key. The delivery log answers first, in one
 * indexed lookup: the sender's latest notification under the key holds it while it runs and for
 * {@code herald.api.idempotency-window} after it finished, whatever Temporal still keeps of it. Once the
 * window has passed, the key names a new notification under the next id ({@link NotificationIds#next}),
 * which Temporal holds no workflow of. Before a notification is logged (its start a moment ago, or two
 * first requests at once) Temporal's workflow id decides, and the workflow's memo tells a repeat from a reuse.
 */
@Component
class IdempotencyKeys {

  /** The memo entry with the request's SHA-256, which the delivery log keeps too. */
  static final String REQUEST_HASH_MEMO = "requestHash";

  private final NotificationHistory history;
  private final NotificationReader reader;
  private final WorkflowClient client;
  private final Duration window;

  IdempotencyKeys(NotificationHistory history, NotificationReader reader, WorkflowClient client, ApiProperties api) {
    this.history = history;
    this.reader = reader;
    this.client = client;
    this.window = api.idempotencyWindow();
  }

  /** Where a request stands under its key: the notification that holds the key (a repeat), or the id of a new one. */
  record Claim(String id, KeyUse holder) {

    boolean isRepeat() {
      return holder != null;
    }
  }

  Claim claim(String sender, String idempotencyKey, Instant now) {
    Optional<KeyUse> latest = history.latestUse(sender, idempotencyKey);
    if (latest.isEmpty()) {
      return new Claim(NotificationIds.of(sender, idempotencyKey), null);
    }
    KeyUse use = latest.get();
    return use.holds(now, window) ? new Claim(use.notificationId(), use)
        : new Claim(NotificationIds.next(sender, idempotencyKey, use.notificationId()), null);
  }

  /** The answer to a repeat of the key's holder, from the delivery log; a different request under its key is a 422. */
  Submission repeatOf(KeyUse holder, String idempotencyKey, String requestHash) {
    String earlier = holder.requestHash() != null ? holder.requestHash() : memoHash(holder.notificationId());
    requireSame(earlier, requestHash, idempotencyKey, holder.notificationId());
    return new Submission(holder.notificationId(), holder.status(), false);
  }

  /** The answer when Temporal refused the start as a duplicate of a notification not logged yet. */
  Submission repeatOfStarted(String id, String idempotencyKey, String requestHash) {
    requireSame(memoHash(id), requestHash, idempotencyKey, id);
    return new Submission(id, reader.status(id), false);
  }

  /** Unknown ({@code earlier} null: logged before the log kept hashes, and gone from Temporal) counts as the same. */
  private static void requireSame(String earlier, String requestHash, String idempotencyKey, String id) {
    if (earlier != null && !earlier.equals(requestHash)) {
      throw new IdempotencyConflictException(idempotencyKey, id);
    }
  }

  private String memoHash(String id) {
    try {
      return (String) client.newUntypedWorkflowStub(id).describe().getMemo(REQUEST_HASH_MEMO, String.class);
    } catch (WorkflowNotFoundException gone) {
      return null;
    }
  }
}
