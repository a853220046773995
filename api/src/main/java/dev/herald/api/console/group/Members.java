package dev.herald.api.console.group;

import dev.herald.activities.group.MembershipChange;
import java.util.List;

/** What adding or removing members did, in words for the page's notice. */
final class Members {

  /** Unknown ids named in a notice at most; the rest are counted. */
  private static final int MAX_NAMED = 20;

  private Members() {}

  static String added(MembershipChange change) {
    return count(change.changed(), "member") + " added" + (change.unchanged() == 0 ? ""
        : ", " + count(change.unchanged(), "recipient") + " already in the group") + unknown(change.unknown()) + ".";
  }

  static String removed(MembershipChange change) {
    return count(change.changed(), "member") + " removed" + (change.unchanged() == 0 ? ""
        : ", " + count(change.unchanged(), "recipient") + " not in the group") + unknown(change.unknown()) + ".";
  }

  private static String unknown(List<String> ids) {
    if (ids.isEmpty()) {
      return "";
    }
    String named = String.join(", ", ids.subList(0, Math.min(ids.size(), MAX_NAMED)));
    return "; no recipient has the id " + named + (ids.size() > MAX_NAMED ? " or " + (ids.size() - MAX_NAMED) + " more" : "");
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
