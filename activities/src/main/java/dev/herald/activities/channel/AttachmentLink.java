package dev.herald.activities.channel;

/**
 * A signed, expiring download link to one of a notification's attachments, as a message that cannot carry the file
 * carries it (SMS, push, in-app, Slack): its file name ("attachment" when it has none), content type and URL.
 */
public record AttachmentLink(String name, String type, String url) {}
