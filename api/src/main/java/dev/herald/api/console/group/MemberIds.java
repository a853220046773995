package dev.herald.api.console.group;

import dev.herald.api.group.GroupRules;
import dev.herald.api.group.MembersRequest;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recipient ids typed one a line (a pasted column): each line stripped, blank lines left out. */
final class MemberIds {

  static final String FIELD = "recipientIds";
  private static final Pattern INDEXED = Pattern.compile("recipientIds\\[(\\d+)]");

  private MemberIds() {}

  static List<String> of(String lines) {
    return lines == null ? List.of() : Arrays.stream(lines.split("\\R")).map(String::strip)
        .filter(id -> !id.isEmpty()).toList();
  }

  /** The API's violations of {@code recipientIds[i]} said of the id typed, for the field the ids were typed in. */
  static List<FieldViolation> named(List<FieldViolation> violations, List<String> ids) {
    return violations.stream().map(v -> {
      Matcher indexed = INDEXED.matcher(v.field());
      return indexed.matches() && Integer.parseInt(indexed.group(1)) < ids.size()
          ? new FieldViolation(FIELD, "'" + ids.get(Integer.parseInt(indexed.group(1))) + "' " + v.message())
          : v;
    }).toList();
  }

  /** What is wrong with the ids by {@link GroupRules#checkMembers}, said of each id typed; empty when nothing. */
  static List<FieldViolation> violations(List<String> ids) {
    try {
      GroupRules.checkMembers(new MembersRequest(ids));
      return List.of();
    } catch (InvalidRequestException e) {
      return named(e.violations(), ids);
    }
  }
}
