package dev.herald.activities.template;

import dev.herald.activities.channel.RenderedMessage;

/**
 * What a template says on one channel: Mustache sources in a version, plain text (HTML in
 * {@code email.html}) once rendered. Each channel's part type is listed in {@link TemplateParts}.
 */
public interface TemplatePart {

  /** This part with each field rendered; {@code fields} names a failing field after the channel (email.subject). */
  TemplatePart render(PartFields fields);

  /** The fields the channel's adapter builds its message from. */
  RenderedMessage message();

  /** Asks for the fields a new version must fill and each Mustache source to check. */
  void check(PartCheck check);

  /**
   * This part of a locale variant over the less specific {@code fallback}: the text is replaced
   * wholesale (no mixing languages); what is not text a part may inherit. By default nothing is.
   */
  default TemplatePart inherit(TemplatePart fallback) {
    return this;
  }
}
