package dev.herald.api.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.herald.devkit.DevkitApplication;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.web.client.RestClient;

/**
 * Idempotency keys beyond Temporal's retention: the dev kit run twice on one PostgreSQL (the test's own), so
 * the second run's in-process Temporal has forgotten every workflow of the first while the delivery log keeps
 * them, as after a namespace's retention period; and a key's release once its window has passed.
 */
class IdempotencyWindowIT {

  private static final String ADMIN_KEY = "hk_itwindow_idempotency-window-test-admin-key-0123";
  private static final String REQUESTS_TOPIC = "herald.notifications.requests";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static EmbeddedPostgres postgres;
  @TempDir static Path dataDir;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void aRepeatAfterTemporalForgotItsWorkflowAnswersWithTheLoggedNotificationAndSendsNothing() throws Exception {
    String rest = email("forgot-1", "Once", "ada@forgot.it.example");
    String event = event("forgot-kafka-1", "Once", "ada@forgot-kafka.it.example");
    try (Run first = Run.start("30d")) {
      assertThat(first.post(rest).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
      first.publish("forgot", event);
      first.awaitStatus("notification-admin~forgot-1", "COMPLETED");
      first.awaitStatus("notification-shop~forgot-kafka-1", "COMPLETED");
      assertThat(first.mailsTo("forgot.it.example")).hasSize(1);
    }

    try (Run second = Run.start("30d")) {
      assertThatThrownBy(() -> second.temporal().newUntypedWorkflowStub("notification-admin~forgot-1").describe())
          .as("Temporal has forgotten the first run's workflow").isInstanceOf(WorkflowNotFoundException.class);

      var repeat = second.post(rest);
      var reuse = second.post(email("forgot-1", "Something else", "ada@forgot.it.example"));
      second.publish("forgot", event);
      // a marker after it on the same partition: once it is sent, the repeat was consumed
      second.publish("forgot", event("forgot-marker", "Marker", "ada@forgot-marker.it.example"));
      second.awaitStatus("notification-shop~forgot-marker", "COMPLETED");

      assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(repeat.getBody()).containsEntry("id", "notification-admin~forgot-1")
          .containsEntry("status", "COMPLETED").containsEntry("created", false);
      assertThat(reuse.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
      assertThat(reuse.getBody()).containsEntry("type", "/problems/idempotency-key-reused")
          .containsEntry("notificationId", "notification-admin~forgot-1");
      assertThat(second.mailsTo("forgot.it.example")).as("nothing sent again").isEmpty();
      assertThat(second.mailsTo("forgot-kafka.it.example")).as("the redelivered event sent nothing").isEmpty();
      assertThat(second.get("/api/v1/notifications/notification-shop~forgot-kafka-1~2").getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
    }
  }

  @Test
  void aKeyNamesANewNotificationOnceItsWindowHasPassed() {
    String request = email("window-1", "Again", "ada@window.it.example");
    try (Run run = Run.start("5s")) {
      run.post(request);
      run.awaitStatus("notification-admin~window-1", "COMPLETED");
      assertThat(run.post(request).getBody()).as("a repeat inside the window")
          .containsEntry("id", "notification-admin~window-1").containsEntry("created", false);

      // Temporal still holds the first workflow: the released key names a new id, not the old one again.
      await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
          .until(() -> run.post(request).getStatusCode() == HttpStatus.ACCEPTED);
      run.awaitStatus("notification-admin~window-1~2", "COMPLETED");

      assertThat(run.post(request).getBody()).containsEntry("id", "notification-admin~window-1~2")
          .containsEntry("created", false);
      assertThat(run.mailsTo("window.it.example")).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates().hasSize(2);
      assertThat(run.get("/api/v1/notifications/notification-admin~window-1").getBody())
          .containsEntry("status", "COMPLETED");
    }
  }

  private static String email(String key, String subject, String to) {
    return "{\"idempotencyKey\":\"" + key + "\",\"channels\":[\"EMAIL\"],\"recipients\":[{\"email\":\"" + to + "\"}],"
        + "\"subject\":\"" + subject + "\",\"body\":\"Hello from Herald\"}";
  }

  /** The same as a Kafka event of the sender {@code shop}. */
  private static String event(String key, String subject, String to) {
    return "{\"sender\":\"shop\"," + email(key, subject, to).substring(1);
  }

  /** One run of the dev kit on the test's PostgreSQL, with its own in-process Temporal, Kafka and SMTP sink. */
  private record Run(ConfigurableApplicationContext context, RestClient http) implements AutoCloseable {

    /** {@code window}: the idempotency window. */
    static Run start(String window) {
      // arguments: they come before the dev kit's application-devkit.yml, as HeraldIntegrationTest's properties do
      ConfigurableApplicationContext context = new SpringApplicationBuilder(DevkitApplication.class)
          .profiles(DevkitApplication.PROFILE)
          .run("--server.port=0",
              "--herald.temporal.dev-server=in-process",
              "--herald.embedded.kafka-port=0",
              "--herald.embedded.smtp-port=0",
              "--herald.data-dir=" + dataDir,
              "--herald.security.bootstrap-admin-key=" + ADMIN_KEY,
              "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
              "--spring.datasource.username=postgres",
              "--herald.api.idempotency-window=" + window);
      String port = context.getEnvironment().getProperty("local.server.port");
      return new Run(context, RestClient.builder().baseUrl("http://localhost:" + port)
          .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
          .defaultStatusHandler(status -> true, (request, response) -> {}).build());
    }

    ResponseEntity<Map<String, Object>> post(String json) {
      return http.post().uri("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON).body(json).retrieve()
          .toEntity(new ParameterizedTypeReference<>() {});
    }

    ResponseEntity<Map<String, Object>> get(String path) {
      return http.get().uri(path).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON).retrieve()
          .toEntity(new ParameterizedTypeReference<>() {});
    }

    void awaitStatus(String id, String status) {
      await().atMost(WAIT).until(() -> status.equals(get("/api/v1/notifications/" + id).getBody().get("status")));
    }

    /** An event on the requests topic, under {@code recordKey} (one partition for one key: consumed in order). */
    void publish(String recordKey, String event) throws Exception {
      @SuppressWarnings("unchecked")
      ProducerFactory<String, String> producers = context.getBean(ProducerFactory.class);
      new KafkaTemplate<>(producers).send(REQUESTS_TOPIC, recordKey, event).get();
    }

    WorkflowClient temporal() {
      return context.getBean(WorkflowClient.class);
    }

    /** What the run's SMTP sink received for a domain (each address here has its own). */
    List<MimeMessage> mailsTo(String domain) {
      return List.of(context.getBean(GreenMail.class).getReceivedMessagesForDomain(domain));
    }

    @Override
    public void close() {
      context.close();
    }
  }
}
