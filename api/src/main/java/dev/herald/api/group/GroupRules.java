package dev.herald.api.group;

import dev.herald.activities.group.RecipientGroups;
import dev.herald.activities.recipient.RecipientRules;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What group keys, names and member lists must look like. Keys and names are checked by Bean
 * Validation on the requests; member lists here, so that a list of 10,000 bad ids names the first
 * 100 rather than all of them.
 */
public final class GroupRules {

  static final int MAX_NAME_CHARS = 200;
  static final String KEY = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$";
  static final String KEY_RULE = "is required: 1-100 letters, digits, '.', '_', ':' or '-', starting with a letter or digit";
  static final String NAME_RULE = "is required: 1-" + MAX_NAME_CHARS + " characters";
  /** What a key the owner has already is (a 409 in the API, beside the field in the console). */
  public static final String KEY_TAKEN = "is taken";
  private static final int MAX_VIOLATIONS = 100;
  private static final Pattern KEY_PATTERN = Pattern.compile(KEY);

  private GroupRules() {}

  /** Whether a group may have this key: one that may not names no group (not found, before any lookup). */
  public static boolean isKey(String key) {
    return key != null && KEY_PATTERN.matcher(key).matches();
  }

  /**
   * A create or rename request held to the constraints on its fields, as {@code @Valid} holds the
   * API's bodies: for a caller that has the request from elsewhere (the console's form).
   */
  public static void check(Validator validator, Record request) {
    List<FieldViolation> violations = validator.validate(request).stream()
        .map(v -> new FieldViolation(v.getPropertyPath().toString(), v.getMessage()))
        .sorted(Comparator.comparing(FieldViolation::field)).distinct().toList();
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  public static void checkMembers(MembersRequest request) {
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
