package dev.herald.api.console.approval;

import dev.herald.api.approval.PendingApproval;
import java.util.List;

/**
 * One waiting send on the approvals page: the queue's entry, its message and, when the signed-in admin
 * asked for it, why that admin may not decide (then the page shows no decision buttons).
 */
record ApprovalCard(PendingApproval item, List<MessagePreview> preview, String refusal) {

  /** The card's heading: the subject, else the template, else the id. */
  public String title() {
    if (item.subject() != null && !item.subject().isBlank()) {
      return item.subject();
    }
    return item.template() != null ? item.template().key() + " v" + item.template().version() : item.notificationId();
  }

  public boolean mayDecide() {
    return refusal == null;
  }
}
