package dev.herald.activities.channel;

/**
 * A template rendered for one channel and locale, in the fields channel messages are built from:
 * {@code subject} is the email subject or the push / in-app title; {@code body} the email text, the
 * SMS body, the call script, the push or in-app body; {@code html} the email html; {@code from} the
 * sender address or number the template names (null: the channel's default).
 */
public record RenderedMessage(String from, String subject, String body, String html) {}
