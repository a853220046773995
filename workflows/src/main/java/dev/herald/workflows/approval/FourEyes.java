package dev.herald.workflows.approval;

import dev.herald.workflows.messages.ApprovalSignal;
import dev.herald.workflows.messages.Decision;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may decide on a send waiting for approval: someone named, with a known decision, who is
 * neither the notification's sender nor the API key that asked for it. The API checks before it
 * signals; the workflow checks every signal again, as the Temporal CLI and UI signal directly.
 */
public final class FourEyes {

  public static final int MAX_COMMENT_CHARS = 1000;
  public static final int MAX_APPROVER_CHARS = 100;

  private FourEyes() {}

  /** Why this decision may not be taken, or empty when it may. */
  public static Optional<String> refusal(ApprovalSignal signal, String sender, String requestedByKey) {
    if (decisionOf(signal.decision()).isEmpty()) {
      return Optional.of("unknown decision " + quoted(signal.decision()) + ": " + known());
    }
    if (signal.approver() == null || signal.approver().isBlank()) {
      return Optional.of("no approver: name who decides in \"approver\"");
    }
    if (signal.approver().length() > MAX_APPROVER_CHARS) {
      return Optional.of("approver longer than " + MAX_APPROVER_CHARS + " characters");
    }
    if (signal.comment() != null && signal.comment().length() > MAX_COMMENT_CHARS) {
      return Optional.of("comment longer than " + MAX_COMMENT_CHARS + " characters");
    }
    if (signal.approver().equals(sender)) {
      return Optional.of("'" + sender + "' requested this send and may not decide on it (four-eyes)");
    }
    if (signal.approverKey() != null && signal.approverKey().equals(requestedByKey)) {
      return Optional.of("the API key " + requestedByKey + " requested this send and may not decide on it (four-eyes)");
    }
    return Optional.empty();
  }

  /** APPROVE or REJECT, in any letter case and with spaces around; empty otherwise. */
  public static Optional<Decision> decisionOf(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String name = text.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(Decision.values()).filter(d -> d.name().equals(name)).findFirst();
  }

  private static String known() {
    return String.join(" or ", Arrays.stream(Decision.values()).map(Decision::name).toList());
  }

  /** An approver's name as shown in a status detail: quoted, cut at 40 characters. */
  public static String shown(String approver) {
    return quoted(approver);
  }

  private static String quoted(String text) {
    if (text == null) {
      return "(none)";
    }
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return "'" + shown + "'";
  }
}
