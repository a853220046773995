package dev.herald.api.inbox;

import dev.herald.activities.recipient.RecipientRules;
import dev.herald.api.notification.InvalidRequestException;

/**
 * The owner of an inbox, as a request names it. Herald has no authentication yet: whoever knows a
 * recipient id can read that inbox. Once it has, the id comes from the caller's identity instead.
 */
final class RecipientIds {

  static final String PARAMETER = "recipientId";

  private RecipientIds() {}

  /** As for {@code recipients[].id} of a notification request. */
  static String require(String recipientId) {
    if (recipientId == null || recipientId.isBlank()) {
      throw new InvalidRequestException(PARAMETER, "is required: the id of the inbox's recipient");
    }
    RecipientRules.idViolation(recipientId).ifPresent(violation -> {
      throw new InvalidRequestException(PARAMETER, violation.message());
    });
    return recipientId;
  }
}
