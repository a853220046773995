package dev.herald.api.inbox;

import dev.herald.activities.recipient.RecipientRules;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.security.Caller;
import dev.herald.api.security.Owners;
import dev.herald.api.security.Role;

/**
 * Whose inbox a call reads: a recipient token's own recipient, or the one a sender or admin names by
 * {@code recipientId} (a recipient token naming another never gets here: SecurityConfig refuses it);
 * of the caller's own sender, or the {@code owner} an admin names ({@link Owners}).
 */
final class RecipientIds {

  static final String PARAMETER = "recipientId";

  /** An inbox: a recipient id of one owner. */
  record InboxOf(String owner, String recipientId) {}

  private RecipientIds() {}

  static InboxOf of(Caller caller, String recipientId, String owner) {
    String whose = Owners.of(caller, owner);
    return new InboxOf(whose, caller.role() == Role.RECIPIENT ? caller.recipientId() : require(recipientId));
  }

  /** As for {@code recipients[].id} of a notification request. */
  private static String require(String recipientId) {
    if (recipientId == null || recipientId.isBlank()) {
      throw new InvalidRequestException(PARAMETER, "is required: the id of the inbox's recipient");
    }
    RecipientRules.idViolation(recipientId).ifPresent(violation -> {
      throw new InvalidRequestException(PARAMETER, violation.message());
    });
    return recipientId;
  }
}
