package dev.herald.api;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.herald.devkit.DevkitApplication;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * The whole service on the dev kit's embedded default (in-process Temporal, embedded PostgreSQL and
 * Kafka, the SMTP sink, the simulators), started once and shared by every integration test class.
 * Tests use their own idempotency keys and recipient addresses, so they never see each other's mail.
 */
@SpringBootTest(
    classes = DevkitApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // never the Temporal CLI's dev server, even where it is installed
      "herald.temporal.dev-server=in-process",
      "herald.embedded.kafka-port=0",
      "herald.embedded.smtp-port=0",
      "herald.approval.threshold=2",
      "herald.approval.timeout=1h",
      "herald.notifications.max-body-chars=2000",
      "herald.kafka.partitions=2"
    })
@ActiveProfiles(DevkitApplication.PROFILE)
public abstract class HeraldIntegrationTest {

  protected static final Duration DELIVERY_WAIT = Duration.ofSeconds(30);

  @LocalServerPort protected int port;
  /** The in-process SMTP sink; absent when SMTP_HOST names another one (e.g. the benchmarks against a real MTA sink). */
  @Autowired(required = false) protected GreenMail smtpSink;

  protected RestClient http() {
    return RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(status -> true, (request, response) -> {})
        .build();
  }

  protected ResponseEntity<Map<String, Object>> post(String path, String json) {
    return post(path, json, null);
  }

  protected ResponseEntity<Map<String, Object>> post(String path, String json, String idempotencyKey) {
    return http().post().uri(path).contentType(MediaType.APPLICATION_JSON)
        .headers(h -> {
          if (idempotencyKey != null) {
            h.set("Idempotency-Key", idempotencyKey);
          }
        })
        .body(json).retrieve().toEntity(new ParameterizedTypeReference<>() {});
  }

  protected ResponseEntity<Map<String, Object>> get(String path) {
    return http().get().uri(path).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
        .retrieve().toEntity(new ParameterizedTypeReference<>() {});
  }

  protected static String emailRequest(String key, String subject, String... recipients) {
    String to = String.join(",", Arrays.stream(recipients).map(r -> "{\"email\":\"" + r + "\"}").toList());
    String keyField = key == null ? "" : "\"idempotencyKey\":\"" + key + "\",";
    return "{" + keyField + "\"channels\":[\"EMAIL\"],\"recipients\":[" + to + "],"
        + "\"subject\":\"" + subject + "\",\"body\":\"Hello from Herald\"}";
  }

  /** Mails the sink received for one address. */
  protected List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(smtpSink.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
  }

  protected void awaitStatus(String id, String status) {
    await().atMost(DELIVERY_WAIT).until(() -> status.equals(get("/api/v1/notifications/" + id).getBody().get("status")));
  }

  private static boolean isTo(MimeMessage message, String address) {
    try {
      Address[] recipients = message.getAllRecipients();
      return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(address));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
