package dev.herald.api.group;

import dev.herald.activities.group.RecipientGroups;
import dev.herald.activities.recipient.RecipientRules;
import dev.herald.activities.text.TextRules;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** What group keys, names and member lists must look like. */
final class GroupRules {

  static final int MAX_NAME_CHARS = 200;
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

  private GroupRules() {}

  static void checkCreate(CreateGroupRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    if (request.key() == null || !KEY.matcher(request.key()).matches()) {
      violations.add(new FieldViolation("key",
          "is required: 1-100 letters, digits, '.', '_', ':' or '-', starting with a letter or digit"));
    }
    nameViolation(request.name()).ifPresent(violations::add);
    throwIfAny(violations);
  }

  static void checkName(String name) {
    nameViolation(name).ifPresent(v -> throwIfAny(List.of(v)));
  }

  static void checkMembers(MembersRequest request) {
    List<String> ids = request.recipientIds();
    if (ids == null || ids.isEmpty() || ids.size() > RecipientGroups.MAX_IDS_PER_CHANGE) {
      throwIfAny(List.of(new FieldViolation("recipientIds", "must list 1-" + RecipientGroups.MAX_IDS_PER_CHANGE + " ids")));
    }
    List<FieldViolation> violations = new ArrayList<>();
    for (int i = 0; i < ids.size() && violations.size() < 100; i++) {
      int index = i;
      RecipientRules.idViolation(ids.get(i))
          .ifPresent(v -> violations.add(new FieldViolation("recipientIds[" + index + "]", v.message())));
    }
    throwIfAny(violations);
  }

  private static Optional<FieldViolation> nameViolation(String name) {
    if (name == null || name.isBlank() || name.length() > MAX_NAME_CHARS) {
      return Optional.of(new FieldViolation("name", "is required: 1-" + MAX_NAME_CHARS + " characters"));
    }
    return TextRules.line(name, MAX_NAME_CHARS).map(problem -> new FieldViolation("name", problem));
  }

  private static void throwIfAny(List<FieldViolation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }
}
