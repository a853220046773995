package dev.herald.api.console.send;

import dev.herald.workflows.messages.Channel;
import java.util.List;
import java.util.Map;

/**
 * A template rendered for the send form, nothing sent: each channel's fields in the locale asked for
 * (and the locale each came from), the channels asked for that the template cannot say anything on,
 * the variables the template needs and the form does not give (shown as {@code {{name}}}), or why it
 * could not be rendered.
 */
record SendPreview(String template, Integer version, String locale, List<String> locales, List<Part> parts,
    List<Channel> uncovered, List<String> missing, String problem) {

  /**
   * One channel's rendering: its fields by the template's names (subject, title, body, script...);
   * an email's HTML apart, for a sandboxed frame.
   */
  /** {@code frame}: the address of the email HTML rendered on its own, for a sandboxed frame (null when too long). */
  record Part(Channel channel, String from, Map<String, String> fields, String html, String frame) {}

  static SendPreview problem(String template, String problem) {
    return new SendPreview(template, null, null, List.of(), List.of(), List.of(), List.of(), problem);
  }

  static SendPreview problem(String template, List<String> missing, String problem) {
    return new SendPreview(template, null, null, List.of(), List.of(), List.of(), List.copyOf(missing), problem);
  }
}
