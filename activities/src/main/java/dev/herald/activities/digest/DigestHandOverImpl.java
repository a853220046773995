package dev.herald.activities.digest;

import dev.herald.activities.content.NotificationContents;
import dev.herald.activities.delivery.DeliveryRepository;
import dev.herald.activities.recipient.Recipients;
import dev.herald.activities.recipient.StoredRecipient;
import dev.herald.workflows.digest.DigestActivities;
import dev.herald.workflows.digest.DigestIds;
import dev.herald.workflows.digest.DigestStarts;
import dev.herald.workflows.messages.DigestEvent;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.Recipient;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Hands a notification's events to its recipients' digests (update-with-start through the worker's
 * client) and marks each recipient's deliveries SKIPPED with {@code digested:<digest id>}. A daily
 * window needs the recipient's time zone: the stored recipient's, read here so the digest need not.
 */
@Component
public class DigestHandOverImpl implements DigestActivities {

  private final WorkflowClient client;
  private final Recipients recipients;
  private final DeliveryRepository deliveries;
  private final NotificationContents contents;

  public DigestHandOverImpl(WorkflowClient client, Recipients recipients, DeliveryRepository deliveries,
      NotificationContents contents) {
    this.contents = contents;
    this.client = client;
    this.recipients = recipients;
    this.deliveries = deliveries;
  }

  @Override
  public List<String> handOver(NotificationSpec asked) {
    // each event carries its variables into the digest, which renders them with the others
    NotificationSpec spec = contents.inline(asked);
    List<String> digests = new ArrayList<>();
    for (int seq = 0; seq < spec.recipients().size(); seq++) {
      Recipient recipient = spec.recipients().get(seq);
      if (recipient.id() == null) {
        throw ApplicationFailure.newNonRetryableFailure(
            "recipient " + seq + " has no id: a digest collects events per recipient id", "DIGEST_WITHOUT_RECIPIENT_ID");
      }
      String digest = DigestStarts.add(client, DigestEvent.of(spec, recipient, timeZone(spec, recipient)));
      deliveries.skipMember(spec.id(), seq, DigestIds.SKIPPED_CODE + digest, "collected in the digest " + digest);
      digests.add(digest);
    }
    return digests;
  }

  private String timeZone(NotificationSpec spec, Recipient recipient) {
    if (spec.digest().dailyAt() == null) {
      return null;
    }
    return recipients.find(spec.sender(), recipient.id()).map(StoredRecipient::timeZone).orElse(null);
  }
}
