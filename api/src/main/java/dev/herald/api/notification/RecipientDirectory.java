package dev.herald.api.notification;

import dev.herald.activities.recipient.Recipients;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Fills in a request's recipients from the recipient store: a recipient named by {@code id} gets
 * the stored email, phone, locale and Slack id of the sender's own recipient for whatever the request
 * itself does not give. An id that names none of the sender's recipients is fine (in-app and push need
 * only the id), another sender's of the same id included: it is not the sender's, so it is unknown.
 */
@Component
class RecipientDirectory {

  private final Recipients recipients;

  RecipientDirectory(Recipients recipients) {
    this.recipients = recipients;
  }

  SendNotificationRequest complete(SendNotificationRequest request, String sender) {
    if (request.recipients() == null) {
      return request;
    }
    List<SendNotificationRequest.RecipientAddress> completed = new ArrayList<>(request.recipients().size());
    for (var given : request.recipients()) {
      completed.add(given == null || given.id() == null || given.id().isBlank() ? given : complete(given, sender));
    }
    return request.withRecipients(completed);
  }

  private SendNotificationRequest.RecipientAddress complete(SendNotificationRequest.RecipientAddress given,
      String sender) {
    return recipients.find(sender, given.id())
        .map(stored -> new SendNotificationRequest.RecipientAddress(given.id(),
            given.email() != null ? given.email() : stored.email(),
            given.phone() != null ? given.phone() : stored.phone(),
            given.pushToken(),
            given.locale() != null ? given.locale() : stored.locale(),
            given.slack() != null ? given.slack() : stored.slack()))
        .orElse(given);
  }
}
