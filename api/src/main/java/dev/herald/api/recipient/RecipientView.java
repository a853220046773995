package dev.herald.api.recipient;

import dev.herald.activities.recipient.StoredRecipient;
import java.time.Instant;
import java.util.Map;

/**
 * A recipient as the API shows it: {@code owner} the sender whose recipient it is, phone in E.164,
 * locale as a canonical BCP 47 tag, slack a Slack id.
 */
public record RecipientView(
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
    Instant updatedAt) {

  static RecipientView of(StoredRecipient r) {
    return new RecipientView(r.owner(), r.id(), r.name(), r.locale(), r.timeZone(), r.email(), r.phone(), r.slack(),
        r.attributes(),
        r.createdAt(), r.updatedAt());
  }
}
