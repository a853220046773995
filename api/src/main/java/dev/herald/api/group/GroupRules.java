package dev.herald.api.group;

import dev.herald.activities.group.RecipientGroups;
import dev.herald.activities.recipient.RecipientRules;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * What group keys, names and member lists must look like. Keys and names are checked by Bean
 * Validation on the requests; member lists here, so that a list of 10,000 bad ids names the first
 * 100 rather than all of them.
 */
final class GroupRules {

  static final int MAX_NAME_CHARS = 200;
  static final String KEY = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$";
  static final String KEY_RULE = "is required: 1-100 letters, digits, '.', '_', ':' or '-', starting with a letter or digit";
  static final String NAME_RULE = "is required: 1-" + MAX_NAME_CHARS + " characters";
  private static final int MAX_VIOLATIONS = 100;

  private GroupRules() {}

  static void checkMembers(MembersRequest request) {
    List<String> ids = request.recipientIds();
    if (ids == null || ids.isEmpty() || ids.size() > RecipientGroups.MAX_IDS_PER_CHANGE) {
      throw new InvalidRequestException("recipientIds", "must list 1-" + RecipientGroups.MAX_IDS_PER_CHANGE + " ids");
    }
    List<FieldViolation> violations = new ArrayList<>();
    for (int i = 0; i < ids.size() && violations.size() < MAX_VIOLATIONS; i++) {
      int index = i;
      RecipientRules.idViolation(ids.get(i))
          .ifPresent(v -> violations.add(new FieldViolation("recipientIds[" + index + "]", v.message())));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }
}
