package dev.herald.api.approval;

import dev.herald.api.notification.NotificationPage;
import dev.herald.api.notification.NotificationReader;
import dev.herald.workflows.messages.NotificationStatus;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The admins' queue of sends waiting for approval, newest first, for the REST API and the console:
 * who asked (sender and key), to how many, what it says.
 */
@Service
public class ApprovalQueue {

  /** A page of the queue; {@code hasNext} when another page follows. */
  public record Page(List<PendingApproval> items, int page, int size, boolean hasNext) {}

  private final NotificationReader reader;

  ApprovalQueue(NotificationReader reader) {
    this.reader = reader;
  }

  public Page page(int page, int size) {
    NotificationPage waiting = reader.history(null, NotificationStatus.PENDING_APPROVAL, null, null, null, page, size);
    List<PendingApproval> items = waiting.items().stream()
        .map(n -> new PendingApproval(n.id(), n.sender(), n.requestedByKey(), n.group(), n.recipientCount(), n.channels(),
            n.priority(), n.subject(), n.template(), n.statusDetail(), n.createdAt(), n.updatedAt()))
        .toList();
    return new Page(items, waiting.page(), waiting.size(), waiting.hasNext());
  }
}
