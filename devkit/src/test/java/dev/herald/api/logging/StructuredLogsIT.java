package dev.herald.api.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.api.HeraldIntegrationTest;
import dev.herald.workflows.notification.NotificationIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The JSON log lines of the api and worker jars (herald-defaults.yml's format, here through the same encoder
 * Boot uses): a send through REST and one through Kafka, with Herald's per-notification lines at DEBUG, log
 * the notification's id, its workflow id, the delivery id and one trace id from the door to the provider
 * call, and no line holds the address, the subject or the body.
 */
class StructuredLogsIT extends HeraldIntegrationTest {

  /** Herald's lines about each workflow start, Kafka event and provider call. */
  private static final List<String> PER_NOTIFICATION = List.of("dev.herald.worker.logging",
      "dev.herald.activities.channel", "dev.herald.api.ingest");

  @Autowired private Environment environment;
  @Autowired private LoggingSystem loggingSystem;
  @Autowired private ProducerFactory<String, String> producerFactory;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final ObjectMapper json = new ObjectMapper();
  private AppenderBase<ILoggingEvent> appender;

  @BeforeEach
  void captureJsonLines() throws IOException {
    LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
    logback.putObject(Environment.class.getName(), environment);
    StructuredLogEncoder encoder = new StructuredLogEncoder();
    encoder.setFormat(productionFormat());
    encoder.setContext(logback);
    encoder.start();
    appender = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8));
      }
    };
    appender.setContext(logback);
    appender.start();
    logback.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    PER_NOTIFICATION.forEach(name -> loggingSystem.setLogLevel(name, LogLevel.DEBUG));
  }

  @AfterEach
  void stopCapturing() {
    PER_NOTIFICATION.forEach(name -> loggingSystem.setLogLevel(name, null));
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
  }

  @Test
  void theJarsLogJsonAndTheDevKitReadableLines() throws IOException {
    assertThat(productionFormat()).isEqualTo("logstash");
    assertThat(environment.getProperty("logging.structured.format.console")).isEmpty();
  }

  @Test
  void aRestSendLogsItsIdsAndOneTraceIdButNoAddressOrContent() {
    String key = "json-logs-rest";
    assertThat(post("/api/v1/notifications", request(key, "json-logs-rest@it.example"), key).getStatusCode().value())
        .isEqualTo(202);
    String id = notificationId(key);
    awaitStatus(id, "COMPLETED");

    Map<String, Object> start = awaitLine(id, "WorkflowStartLogContext");
    Map<String, Object> call = awaitLine(id, "ObservedChannelAdapter");
    assertThat(start).containsEntry("workflowId", id).containsKey("traceId");
    assertThat((String) call.get("activityType")).startsWith("SendBatch");
    assertThat(call).containsEntry("workflowId", id).containsEntry("attempt", "1").containsKey("deliveryId")
        .as("one trace from the request to the provider call").containsEntry("traceId", start.get("traceId"));
    assertNoneHolds("json-logs-rest@it.example");
  }

  @Test
  void aKafkaSendLogsItsIdsAndOneTraceIdButNoAddressOrContent() throws Exception {
    String key = "json-logs-kafka";
    new KafkaTemplate<>(producerFactory).send(ONE_SENDER_TOPIC, request(key, "json-logs-kafka@it.example")).get();
    String id = NotificationIds.of(TOPIC_SENDER, key);
    awaitStatus(id, "COMPLETED");

    Map<String, Object> event = awaitLine(id, "NotificationRequestListener");
    Map<String, Object> call = awaitLine(id, "ObservedChannelAdapter");
    assertThat(event).containsEntry("workflowId", id).containsKey("traceId");
    assertThat(call).containsKey("deliveryId").containsEntry("traceId", event.get("traceId"));
    assertThat(awaitLine(id, "WorkflowStartLogContext")).containsEntry("traceId", event.get("traceId"));
    assertNoneHolds("json-logs-kafka@it.example");
  }

  @Test
  void aRefusedKafkaEventLogsWhereItCameFromButNoValueOfIt() throws Exception {
    String event = "{\"idempotencyKey\":\"json-logs-refused\",\"channels\":[\"json-logs-refused@it.example\"],"
        + "\"recipients\":[{\"email\":\"json-logs-refused@it.example\"}],\"body\":\"Logged body\"}";
    var sent = new KafkaTemplate<>(producerFactory).send(ONE_SENDER_TOPIC, event).get().getRecordMetadata();
    String where = ONE_SENDER_TOPIC + "-" + sent.partition() + "@" + sent.offset();

    await().atMost(DELIVERY_WAIT).until(() -> lines.stream().anyMatch(line -> line.contains(where)));
    assertThat(lines.stream().filter(line -> line.contains(where)))
        .as("the refusal names the field").anyMatch(line -> line.contains("channels[0]"));
    assertNoneHolds("json-logs-refused@it.example");
  }

  /** The format the api and worker jars log in: herald-defaults.yml's (the dev kit's profile sets none). */
  private static String productionFormat() throws IOException {
    List<PropertySource<?>> defaults = new YamlPropertySourceLoader().load("defaults",
        new ClassPathResource("herald-defaults.yml"));
    return (String) defaults.get(0).getProperty("logging.structured.format.console");
  }

  private Map<String, Object> awaitLine(String notificationId, String loggerSuffix) {
    Predicate<Map<String, Object>> wanted = line -> notificationId.equals(line.get("notificationId"))
        && String.valueOf(line.get("logger_name")).endsWith(loggerSuffix);
    return await().atMost(DELIVERY_WAIT).until(() -> parsed().stream().filter(wanted).findFirst().orElse(null),
        line -> line != null);
  }

  private List<Map<String, Object>> parsed() {
    return lines.stream().map(line -> {
      try {
        return json.readValue(line, new TypeReference<Map<String, Object>>() {});
      } catch (IOException e) {
        throw new AssertionError("not a JSON line: " + line, e);
      }
    }).toList();
  }

  private void assertNoneHolds(String address) {
    assertThat(lines).isNotEmpty().noneMatch(line -> line.contains(address) || line.contains("Logged subject")
        || line.contains("Logged body"));
  }

  private static String request(String key, String address) {
    return "{\"idempotencyKey\":\"" + key + "\",\"channels\":[\"EMAIL\"],\"recipients\":[{\"email\":\"" + address
        + "\"}],\"subject\":\"Logged subject\",\"body\":\"Logged body\"}";
  }
}
