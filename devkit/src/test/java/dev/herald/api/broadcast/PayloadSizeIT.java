package dev.herald.api.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.herald.api.notification.NotificationSpecs;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/**
 * No workflow payload grows with the message: a broadcast of a template with a 50,000-character variable to a
 * group of 300 and a single send of a 100,000-character body keep every payload of every event of their
 * histories (inputs, results, signals, markers, memo, search attributes, summaries) under {@link #MOST_BYTES},
 * while the mails carry the whole text: the door keeps it, the batches read it. (The other tests cap bodies at
 * 2,000 characters; this one takes the default's 100,000.)
 */
@TestPropertySource(properties = "herald.notifications.max-body-chars=100000")
class PayloadSizeIT extends BroadcastIntegrationTest {

  /** A few KB: the largest payload a notification may put in Temporal's history, whatever its message. */
  static final int MOST_BYTES = 4_096;

  private static final String DOMAIN = "payload-size.it.example";
  private static final String TEMPLATE_KEY = "it-payload-size";
  private static final int MEMBERS = 300;

  @Autowired WorkflowClient client;
  @Autowired NotificationSpecs specs;

  @Test
  void aBroadcastsHistoryHoldsNoPayloadOverAFewKilobytesWhateverItsVariables() throws Exception {
    groupOf("payload-size-group", "ps", DOMAIN, MEMBERS);
    publishLongTemplate();
    String news = longText("news", 50_000);

    var accepted = post("/api/v1/notifications", "{\"idempotencyKey\":\"payload-size-broadcast\",\"channels\":[\"EMAIL\"],"
        + "\"group\":\"payload-size-group\",\"template\":\"" + TEMPLATE_KEY + "\",\"variables\":{\"news\":\"" + news + "\"}}");
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String id = (String) accepted.getBody().get("id");
    awaitStatus(id, "PENDING_APPROVAL", BROADCAST_WAIT);
    assertThat(specs.find(id)).as("the approver's preview reads the variables back")
        .hasValueSatisfying(spec -> assertThat(spec.template().variables()).containsEntry("news", news));
    approve(id);
    awaitStatus(id, "COMPLETED", BROADCAST_WAIT);

    List<MimeMessage> mails = mailsToDomain(DOMAIN);
    assertThat(mails).hasSize(MEMBERS);
    assertThat(text(mails.get(0))).contains(news);
    assertLargestPayloadIsSmall(id);
  }

  @Test
  void aSingleSendsHistoryHoldsNoPayloadOverAFewKilobytesWhateverItsBody() throws Exception {
    String address = "payload-size-single@" + DOMAIN;
    String body = longText("body", 100_000);

    var accepted = post("/api/v1/notifications", "{\"idempotencyKey\":\"payload-size-single\",\"channels\":[\"EMAIL\"],"
        + "\"recipients\":[{\"email\":\"" + address + "\"}],\"subject\":\"A long read\",\"body\":\"" + body + "\"}");
    assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    String id = (String) accepted.getBody().get("id");
    awaitStatus(id, "COMPLETED");

    assertThat(mailsTo(address)).singleElement().satisfies(mail -> assertThat(text(mail)).contains(body));
    assertThat(get("/api/v1/notifications/" + id).getBody()).as("the log keeps the subject the input does not carry")
        .containsEntry("subject", "A long read");
    assertLargestPayloadIsSmall(id);
  }

  /** Every payload of every event of the workflow's (latest run's) history is under {@link #MOST_BYTES}. */
  private void assertLargestPayloadIsSmall(String workflowId) {
    List<HistoryEvent> events = client.fetchHistory(workflowId).getEvents();
    Map<String, Integer> largest = events.stream().collect(Collectors.toMap(
        event -> event.getEventId() + " " + event.getEventType(),
        event -> payloads(event).stream().mapToInt(Payload::getSerializedSize).max().orElse(0)));
    assertThat(largest.values()).as("payload bytes by event").isNotEmpty().allSatisfy(size ->
        assertThat(size).as("largest payload in %s", largest).isLessThan(MOST_BYTES));
    assertThat(largest.values().stream().mapToInt(Integer::intValue).max().orElse(0)).isPositive();
  }

  /** The payloads anywhere in an event: its fields walked, maps and lists included. */
  private static List<Payload> payloads(Message message) {
    List<Payload> found = new ArrayList<>();
    if (message instanceof Payload payload) {
      found.add(payload);
      return found;
    }
    message.getAllFields().forEach((field, value) -> {
      if (value instanceof Message nested) {
        found.addAll(payloads(nested));
      } else if (value instanceof List<?> list) {
        list.stream().filter(Message.class::isInstance).forEach(item -> found.addAll(payloads((Message) item)));
      }
    });
    return found;
  }

  /** An email template whose text is the {@code news} variable after the member's name. */
  private void publishLongTemplate() {
    if (get("/api/v1/templates/" + TEMPLATE_KEY).getStatusCode() == HttpStatus.NOT_FOUND) {
      post("/api/v1/templates", "{\"key\":\"" + TEMPLATE_KEY + "\",\"owner\":\"it\"}");
      post("/api/v1/templates/" + TEMPLATE_KEY + "/versions", """
          {"defaults":{"email":{"subject":"News for {{recipient.name}}","text":"Hi {{recipient.name}}, {{news}}"}}}""");
      post("/api/v1/templates/" + TEMPLATE_KEY + "/versions/1/publish", "");
    }
  }

  /** {@code length} characters of numbered words, so a cut or a repeat would show. */
  private static String longText(String word, int length) {
    String text = IntStream.range(0, length / 8).mapToObj(i -> word + i).collect(Collectors.joining(" "));
    return text.substring(0, length);
  }

  private static String text(MimeMessage mail) throws Exception {
    Object content = mail.getContent();
    if (content instanceof String plain) {
      return plain;
    }
    var multipart = (jakarta.mail.Multipart) content;
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < multipart.getCount(); i++) {
      Object part = multipart.getBodyPart(i).getContent();
      if (part instanceof String string) {
        all.append(string);
      }
    }
    return all.toString();
  }
}
