package dev.herald.api.console.send;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelMode;
import dev.herald.workflows.messages.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The send form as typed: a template with its variables or a subject, body and category; a group or
 * recipients by id, email address or phone number (one a line); channels, mode, priority; a send time in the
 * sender's time zone; the ids of the files uploaded for it ({@code attachments}, by the page's script); the
 * idempotency key generated when the form was first shown. {@code sender} is
 * an admin's only (sending for another sender); {@code locale} picks the preview's locale; {@code
 * action} is the button pressed.
 */
public record SendForm(
    String idempotencyKey,
    String sender,
    String template,
    String locale,
    List<VariableRow> variables,
    String subject,
    String body,
    String category,
    String group,
    String ids,
    String emails,
    String phones,
    List<Channel> channels,
    ChannelMode channelMode,
    String escalateAfter,
    Priority priority,
    String sendAt,
    String timeZone,
    List<String> attachments,
    String action) {

  static final String PREVIEW = "preview";
  static final String ADD_VARIABLE = "add-variable";

  public SendForm {
    variables = variables == null ? List.of() : variables.stream().filter(r -> r != null).toList();
    channels = channels == null ? List.of() : channels.stream().filter(c -> c != null).toList();
    attachments = attachments == null ? List.of()
        : attachments.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
  }

  /** A new form with its own idempotency key: email, all channels, normal priority; a template or group preselected. */
  static SendForm fresh(String template, String group) {
    return new SendForm(newKey(), null, template, null, List.of(), null, null, null, group, null, null, null,
        List.of(Channel.EMAIL), ChannelMode.ALL, null, Priority.NORMAL, null, null, List.of(), null);
  }

  /** A key of the console's own: what the submitter's idempotency keys on, so one form sends once. */
  static String newKey() {
    return "console-" + UUID.randomUUID();
  }

  boolean previewOnly() {
    return PREVIEW.equals(action) || ADD_VARIABLE.equals(action);
  }

  SendForm withKey(String key) {
    return new SendForm(key, sender, template, locale, variables, subject, body, category, group, ids, emails, phones,
        channels, channelMode, escalateAfter, priority, sendAt, timeZone, attachments, action);
  }

  /**
   * The form to show again: the rows typed (blank ones dropped), a row for each variable the preview
   * found missing, and one blank row to type another (two when asked for one more).
   */
  SendForm withRows(List<String> missing) {
    List<VariableRow> rows = new ArrayList<>(variables.stream().filter(r -> !r.isBlank()).toList());
    for (String name : missing) {
      if (rows.stream().noneMatch(r -> name.equals(r.name()))) {
        rows.add(new VariableRow(name, ""));
      }
    }
    rows.add(VariableRow.BLANK);
    if (ADD_VARIABLE.equals(action)) {
      rows.add(VariableRow.BLANK);
    }
    return new SendForm(idempotencyKey, sender, template, locale, rows, subject, body, category, group, ids, emails, phones,
        channels, channelMode, escalateAfter, priority, sendAt, timeZone, attachments, action);
  }

  boolean hasTemplate() {
    return present(template) != null;
  }

  /** A text field as the request takes it: null when left empty. */
  static String present(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
