package dev.herald.api.console.send;

import dev.herald.api.notification.ApprovalProperties;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether an audience of this size waits for an admin's approval: the workflow's own rule ({@code
 * ApprovalPolicy}, from {@code herald.approval}), said before anything is sent.
 */
@Component
class ApprovalWarnings {

  private final ApprovalProperties approval;

  ApprovalWarnings(ApprovalProperties approval) {
    this.approval = approval;
  }

  boolean needed(long audience) {
    return approval.policy().requiresApproval((int) Math.min(audience, Integer.MAX_VALUE));
  }

  /** The warning for an audience that needs approval; empty for one that does not. */
  Optional<String> warning(long audience) {
    return needed(audience) ? Optional.of(text(audience)) : Optional.empty();
  }

  String text(long audience) {
    return String.format(Locale.ROOT, "This send needs an admin's approval: its audience of %,d is above the approval "
        + "threshold of %,d. It waits for an admin's decision before anything is sent.", audience,
        approval.policy().threshold());
  }
}
