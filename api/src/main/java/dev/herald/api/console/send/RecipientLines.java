package dev.herald.api.console.send;

import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.SendNotificationRequest.RecipientAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form's recipients, one a line in three boxes (ids, email addresses, phone numbers), as the
 * request's {@code recipients}, in that order; and the API's violations of {@code recipients[i]...}
 * back beside the box and line they came from.
 */
final class RecipientLines {

  static final String IDS = "ids";
  static final String EMAILS = "emails";
  static final String PHONES = "phones";
  private static final Pattern INDEXED = Pattern.compile("recipients\\[(\\d+)](?:\\.(\\w+))?");

  private record Line(String box, String text) {}

  private final List<Line> lines = new ArrayList<>();

  RecipientLines(SendForm form) {
    add(IDS, form.ids());
    add(EMAILS, form.emails());
    add(PHONES, form.phones());
  }

  private void add(String box, String text) {
    if (text == null) {
      return;
    }
    text.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> lines.add(new Line(box, line)));
  }

  /** The recipients, or null when no box has a line (a group send, or none given). */
  List<RecipientAddress> recipients() {
    if (lines.isEmpty()) {
      return null;
    }
    return lines.stream().map(line -> switch (line.box()) {
      case IDS -> new RecipientAddress(line.text(), null, null, null, null, null);
      case EMAILS -> new RecipientAddress(null, line.text(), null, null, null, null);
      default -> new RecipientAddress(null, null, line.text(), null, null, null);
    }).toList();
  }

  int count() {
    return lines.size();
  }

  /** A violation of {@code recipients[i]} or {@code recipients[i].email} as one of the box it came from. */
  FieldViolation toForm(FieldViolation violation) {
    Matcher indexed = INDEXED.matcher(violation.field());
    if (!indexed.matches() || Integer.parseInt(indexed.group(1)) >= lines.size()) {
      return violation;
    }
    Line line = lines.get(Integer.parseInt(indexed.group(1)));
    String part = indexed.group(2);
    boolean ownPart = part == null || (line.box().equals(IDS) && part.equals("id"))
        || (line.box().equals(EMAILS) && part.equals("email")) || (line.box().equals(PHONES) && part.equals("phone"));
    return new FieldViolation(line.box(), line.text() + ": " + (ownPart ? "" : part + " ") + violation.message());
  }
}
