package dev.herald.api.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Broadcasts end to end: recipients imported in bulk, a group of them, mail read back from the SMTP sink by domain. */
abstract class BroadcastIntegrationTest extends HeraldIntegrationTest {

  static final Duration BROADCAST_WAIT = Duration.ofMinutes(5);
  static final String TEMPLATE = "it-broadcast-hello";

  /** {@code count} recipients {@code <prefix>-<i>} named "Member <i>", mailed at {@code <prefix>-<i>@<domain>}, grouped. */
  List<String> groupOf(String group, String prefix, String domain, int count) {
    List<String> ids = IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    String lines = IntStream.range(0, count)
        .mapToObj(i -> "{\"id\":\"" + ids.get(i) + "\",\"name\":\"Member " + i + "\",\"email\":\"" + ids.get(i) + "@"
            + domain + "\"}")
        .collect(Collectors.joining("\n"));
    var imported = http().post().uri("/api/v1/recipients/import")
        .contentType(MediaType.parseMediaType("application/x-ndjson")).body(lines).retrieve().toBodilessEntity();
    assertThat(imported.getStatusCode().is2xxSuccessful()).isTrue();
    assertThat(post("/api/v1/groups", "{\"key\":\"" + group + "\",\"name\":\"" + group + "\"}").getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    var added = post("/api/v1/groups/" + group + "/members",
        "{\"recipientIds\":[\"" + String.join("\",\"", ids) + "\"]}");
    assertThat(added.getBody()).containsEntry("added", count);
    return ids;
  }

  /** An email template greeting each recipient by the name stored with them. */
  void publishGreeting() {
    if (get("/api/v1/templates/" + TEMPLATE).getStatusCode() == HttpStatus.NOT_FOUND) {
      post("/api/v1/templates", "{\"key\":\"" + TEMPLATE + "\",\"owner\":\"it\"}");
      post("/api/v1/templates/" + TEMPLATE + "/versions", """
          {"defaults":{"email":{"subject":"Hello {{recipient.name}}","text":"Hi {{recipient.name}}, {{news}}",
                                "html":"<p>Hi {{recipient.name}}, {{news}}</p>"}}}""");
      post("/api/v1/templates/" + TEMPLATE + "/versions/1/publish", "");
    }
  }

  String sendTemplated(String key, String group) {
    var accepted = post("/api/v1/notifications", "{\"idempotencyKey\":\"" + key + "\",\"channels\":[\"EMAIL\"],"
        + "\"group\":\"" + group + "\",\"template\":\"" + TEMPLATE + "\",\"variables\":{\"news\":\"we moved\"}}");
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    return (String) accepted.getBody().get("id");
  }

  void approve(String id) {
    assertThat(approve(id, "{\"decision\":\"APPROVE\"}").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
  }

  void awaitStatus(String id, String status, Duration wait) {
    await().atMost(wait).pollInterval(Duration.ofMillis(500))
        .until(() -> status.equals(get("/api/v1/notifications/" + id).getBody().get("status")));
  }

  /** Mails the sink received for any address at {@code domain}, in one pass over the sink. */
  List<MimeMessage> mailsToDomain(String domain) {
    return Arrays.stream(smtpSink.getReceivedMessages()).filter(m -> to(m).endsWith("@" + domain)).toList();
  }

  static String to(MimeMessage message) {
    try {
      Address[] recipients = message.getAllRecipients();
      return recipients == null || recipients.length != 1 ? "" : recipients[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The detail view's counts for one channel. */
  Map<String, Object> channelCounts(String id, String channel) {
    var progress = (Map<String, Object>) get("/api/v1/notifications/" + id).getBody().get("progress");
    return ((List<Map<String, Object>>) progress.get("channels")).stream()
        .filter(c -> channel.equals(c.get("channel"))).findFirst().orElseThrow();
  }
}
