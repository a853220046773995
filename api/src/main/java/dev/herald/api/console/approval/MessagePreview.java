package dev.herald.api.console.approval;

import dev.herald.workflows.messages.Channel;

/**
 * A waiting send's message on one channel as the approver reads it, or why it cannot be shown.
 *
 * @param channel null for inline content, which every channel sends alike
 * @param problem set instead of the content when it cannot be rendered (a variable missing, no part
 *     for the channel, the request no longer in Temporal)
 */
record MessagePreview(Channel channel, String subject, String body, String html, String problem) {

  static MessagePreview unavailable(Channel channel, String problem) {
    return new MessagePreview(channel, null, null, null, problem);
  }
}
