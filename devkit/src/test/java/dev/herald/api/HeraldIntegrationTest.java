package dev.herald.api;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.herald.devkit.DevkitApplication;
import dev.herald.workflows.notification.NotificationIds;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
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
      "herald.kafka.partitions=2",
      // a request topic of one sender beside the dev kit's of any (KafkaIngestionIT)
      "herald.kafka.topic-senders." + HeraldIntegrationTest.ONE_SENDER_TOPIC + "=" + HeraldIntegrationTest.TOPIC_SENDER,
      "herald.security.bootstrap-admin-key=" + HeraldIntegrationTest.ADMIN_KEY,
      "herald.security.recipient-tokens.keys.it=" + HeraldIntegrationTest.SIGNING_KEY,
      "herald.security.recipient-tokens.signing-key=it",
      // the matrix and the other tests fail many attempts from one address; RateLimitIT counts per key prefix
      "herald.security.failed-attempts.per-address=100000",
      "herald.security.failed-attempts.per-prefix=5",
      "herald.security.failed-attempts.window=5s",
      // uploads under target/, not the dev kit's data folder
      "herald.blobs.directory=${java.io.tmpdir}/herald-it-blobs"
    })
@ActiveProfiles(DevkitApplication.PROFILE)
// tracing as the jars have it (trace ids made, passed on and logged, nothing sampled): Boot's tests turn it off
@AutoConfigureObservability(metrics = false)
public abstract class HeraldIntegrationTest {

  protected static final Duration DELIVERY_WAIT = Duration.ofSeconds(30);
  /** The bootstrap admin key every test's client sends unless it asks for another credential. */
  protected static final String ADMIN_KEY = "hk_itadmin0_integration-test-admin-key-0123456789abcdef";
  /** The sender identity of {@link #ADMIN_KEY}: what its notifications carry when they name no sender. */
  protected static final String ADMIN_SENDER = "admin";
  /** The sender identity of {@link #approverKey()}. */
  protected static final String APPROVER = "approver";
  /** A Kafka request topic that may speak for {@link #TOPIC_SENDER} only. */
  protected static final String ONE_SENDER_TOPIC = "it.shop.requests";
  protected static final String TOPIC_SENDER = "kafka-shop";
  static final String SIGNING_KEY = "aW50ZWdyYXRpb24tdGVzdC1yZWNpcGllbnQtdG9rZW4ta2V5";
  /** Keys created per test context (by its port: each context has a database of its own) and name. */
  private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

  @LocalServerPort protected int port;
  /** The in-process SMTP sink; absent when SMTP_HOST names another one (e.g. the benchmarks against a real MTA sink). */
  @Autowired(required = false) protected GreenMail smtpSink;

  /** A client with the admin key. */
  protected RestClient http() {
    return http(ADMIN_KEY);
  }

  /** A client with this credential (an API key or a recipient token); none when null. */
  protected RestClient http(String credential) {
    RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(status -> true, (request, response) -> {});
    if (credential != null) {
      builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + credential);
    }
    return builder.build();
  }

  /** A sender key whose sender identity is {@code sender}, created once per test run. */
  protected String senderKey(String sender) {
    return KEYS.computeIfAbsent(port + "/" + sender, k -> createKey(sender, "SENDER"));
  }

  /**
   * A second admin's key, sender identity {@link #APPROVER}, created once per test run: the admin key
   * asks for the tests' sends and may not approve them itself (four-eyes).
   */
  protected String approverKey() {
    return KEYS.computeIfAbsent(port + "/" + APPROVER, k -> createKey(APPROVER, "ADMIN"));
  }

  /** The decision (a JSON body) on a send waiting for approval, by {@link #approverKey()}. */
  protected ResponseEntity<Map<String, Object>> approve(String notificationId, String decision) {
    return http(approverKey()).post().uri("/api/v1/notifications/{id}/approval", notificationId)
        .contentType(MediaType.APPLICATION_JSON).body(decision).retrieve().toEntity(new ParameterizedTypeReference<>() {});
  }

  /** A new key of this role (SENDER or ADMIN), its sender identity its name. */
  protected String createKey(String name, String role) {
    var created = http().post().uri("/api/v1/api-keys").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", name, "role", role)).retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});
    if (created.getStatusCode().value() != 201) {
      throw new IllegalStateException("cannot create the key " + name + ": " + created);
    }
    return (String) created.getBody().get("key");
  }

  /** A sender key created and then revoked at once. */
  protected String revokedKey(String name) {
    var created = http().post().uri("/api/v1/api-keys").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", name, "role", "SENDER")).retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});
    http().delete().uri("/api/v1/api-keys/{id}", created.getBody().get("id")).retrieve().toBodilessEntity();
    return (String) created.getBody().get("key");
  }

  /** A recipient token for this recipient, minted by the admin key. */
  protected String recipientToken(String recipientId) {
    var minted = http().post().uri("/api/v1/recipients/{id}/token", recipientId).retrieve()
        .toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});
    if (minted.getStatusCode().value() != 200) {
      throw new IllegalStateException("cannot mint a token for " + recipientId + ": " + minted);
    }
    return (String) minted.getBody().get("token");
  }

  /** The id of a notification the admin key sent with this idempotency key and no sender of its own. */
  protected static String notificationId(String idempotencyKey) {
    return NotificationIds.of(ADMIN_SENDER, idempotencyKey);
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
