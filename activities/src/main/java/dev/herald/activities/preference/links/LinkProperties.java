package dev.herald.activities.preference.links;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code herald.preferences.links}: the keys that sign preference links ({@code <id>:<base64>,...}, the
 * first signs, all verify; {@code HERALD_PREFERENCE_LINK_KEYS}), how long a link works ({@code ttl};
 * none: as long as its key is configured, what RFC 8058 expects of a List-Unsubscribe URL) and a mailbox
 * for List-Unsubscribe's mailto (none: the HTTPS link only). Keys of their own, not the recipient tokens':
 * links sit in mailboxes for years and every worker that sends email needs them, while a recipient token
 * opens an inbox for hours and only the API needs its keys. The keys sign attachments' download links too
 * (AttachmentLinks): one key scheme for the links Herald puts in messages.
 */
@ConfigurationProperties("herald.preferences.links")
public record LinkProperties(String keys, Duration ttl, String mailto) {}
