package dev.herald.activities.recipient;

import java.time.Instant;
import java.util.Map;

/**
 * A stored recipient of a sender, its {@code owner}. {@code id} is the sender's own id (unique per
 * owner), the one notifications, the in-app inbox and push devices use. Phone is E.164, locale a BCP
 * 47 tag, time zone an IANA id, slack a Slack user or conversation id.
 */
public record StoredRecipient(
    String owner,
    String id,
    String name,
    String locale,
    String timeZone,
    String email,
    String phone,
    String slack,
    Map<String, Object> attributes,
    Instant createdAt,
    Instant updatedAt) {}
