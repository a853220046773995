package dev.herald.api.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import dev.herald.api.tracing.OtlpReceiver.ReceivedSpan;
import dev.herald.workflows.notification.NotificationIds;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tracing on (an OTLP endpoint and sampling), exported to a receiver in the test: a notification through REST
 * and one through Kafka are each one trace, from the HTTP request or the Kafka event through the workflow start,
 * the workflow run and the channel activity to the provider call, and no span holds an address or the content.
 * Its own context (the others run with tracing off), closed after it.
 */
@DirtiesContext
class TracingIT extends HeraldIntegrationTest {

  private static final OtlpReceiver RECEIVER = receiver();
  private static final Duration EXPORT_WAIT = Duration.ofSeconds(30);

  @Autowired private ProducerFactory<String, String> producerFactory;
  @Autowired private ApplicationContext context;

  @DynamicPropertySource
  static void tracingOn(DynamicPropertyRegistry registry) {
    registry.add("management.otlp.tracing.endpoint", RECEIVER::endpoint);
    registry.add("management.tracing.sampling.probability", () -> "1.0");
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  @Test
  void aRestNotificationIsOneTraceFromTheRequestToTheProviderCall() {
    String key = "traced-rest-1";
    var answer = post("/api/v1/notifications", request(key, "traced-rest@it.example"), key);
    assertThat(answer.getStatusCode().value()).isEqualTo(202);
    String id = notificationId(key);
    awaitStatus(id, "COMPLETED");

    List<ReceivedSpan> trace = awaitTrace(id);
    List<ReceivedSpan> path = pathToRoot(trace, providerCall(trace));
    assertThat(names(path)).containsSubsequence("herald.provider.call", "RunActivity:SendBatch",
        "StartActivity:SendBatch", "RunWorkflow:NotificationWorkflow", "StartWorkflow:NotificationWorkflow");
    ReceivedSpan root = path.get(path.size() - 1);
    assertThat(root.kind()).as("the request starts the trace: " + root).isEqualTo(SpanKind.SPAN_KIND_SERVER);
    assertThat(root.name()).contains("/api/v1/notifications");
    assertNothingPersonal(trace, "traced-rest@it.example");
  }

  @Test
  void aKafkaNotificationIsOneTraceFromTheEventToTheProviderCall() throws Exception {
    String key = "traced-kafka-1";
    // a producer that traces, as a service sending to Herald would: the event carries its traceparent header
    KafkaTemplate<String, String> producer = new KafkaTemplate<>(producerFactory);
    producer.setObservationEnabled(true);
    producer.setApplicationContext(context);
    producer.afterSingletonsInstantiated();
    producer.send(ONE_SENDER_TOPIC, request(key, "traced-kafka@it.example")).get();
    String id = NotificationIds.of(TOPIC_SENDER, key);
    awaitStatus(id, "COMPLETED");

    List<ReceivedSpan> trace = awaitTrace(id);
    assertThat(names(pathToRoot(trace, providerCall(trace)))).containsSubsequence("herald.provider.call",
        "RunActivity:SendBatch", "StartActivity:SendBatch", "RunWorkflow:NotificationWorkflow",
        "StartWorkflow:NotificationWorkflow");
    ReceivedSpan start = only(trace, span -> span.name().equals("StartWorkflow:NotificationWorkflow"));
    List<ReceivedSpan> entry = pathToRoot(trace, start);
    assertThat(entry).extracting(ReceivedSpan::kind).as("the listener's span, then the producer's")
        .containsSubsequence(SpanKind.SPAN_KIND_CONSUMER, SpanKind.SPAN_KIND_PRODUCER);
    assertNothingPersonal(trace, "traced-kafka@it.example");
  }

  /** The spans of the trace of this notification, once it holds the provider call and the finished workflow run. */
  private static List<ReceivedSpan> awaitTrace(String notificationId) {
    return await().atMost(EXPORT_WAIT).until(() -> {
      List<ReceivedSpan> ofNotification = RECEIVER.spans().stream()
          .filter(span -> notificationId.equals(span.attributes().get("workflowId"))).toList();
      List<String> traces = ofNotification.stream().map(ReceivedSpan::traceId).distinct().toList();
      assertThat(traces).as("the traces of " + notificationId).hasSizeLessThanOrEqualTo(1);
      if (traces.isEmpty()) {
        return List.<ReceivedSpan>of();
      }
      return RECEIVER.spans().stream().filter(span -> span.traceId().equals(traces.get(0))).toList();
    }, trace -> trace.stream().anyMatch(span -> span.name().equals("RunWorkflow:NotificationWorkflow"))
        && trace.stream().anyMatch(span -> span.name().equals("herald.provider.call")));
  }

  private static ReceivedSpan providerCall(List<ReceivedSpan> trace) {
    ReceivedSpan call = only(trace, span -> span.name().equals("herald.provider.call"));
    assertThat(call.attributes()).containsEntry("channel", "EMAIL").containsEntry("provider", "smtp")
        .containsEntry("outcome", "sent").containsKey("herald.delivery.id");
    return call;
  }

  /** The span, its parent, its parent's parent, ... up to the trace's root. */
  private static List<ReceivedSpan> pathToRoot(List<ReceivedSpan> trace, ReceivedSpan span) {
    List<ReceivedSpan> path = new ArrayList<>();
    for (Optional<ReceivedSpan> at = Optional.of(span); at.isPresent(); ) {
      ReceivedSpan current = at.get();
      path.add(current);
      at = trace.stream().filter(s -> s.spanId().equals(current.parentSpanId())).findFirst();
    }
    return path;
  }

  /** Span names, a batch activity's by its kind only (sendBatch, sendBatchAfterQuietHours: as the workflow sends). */
  private static List<String> names(List<ReceivedSpan> path) {
    return path.stream().map(span -> span.name().replaceFirst("SendBatch\\w+$", "SendBatch")).toList();
  }

  private static ReceivedSpan only(List<ReceivedSpan> trace, Predicate<ReceivedSpan> which) {
    List<ReceivedSpan> found = trace.stream().filter(which).toList();
    assertThat(found).as("in " + trace).hasSize(1);
    return found.get(0);
  }

  private static void assertNothingPersonal(List<ReceivedSpan> trace, String address) {
    assertThat(trace).allSatisfy(span -> assertThat(span.attributes().values()).noneMatch(value ->
        value.contains(address) || value.contains("Traced subject") || value.contains("Traced body")));
  }

  private static String request(String key, String address) {
    return "{\"idempotencyKey\":\"" + key + "\",\"channels\":[\"EMAIL\"],\"recipients\":[{\"email\":\"" + address
        + "\"}],\"subject\":\"Traced subject\",\"body\":\"Traced body\"}";
  }

  private static OtlpReceiver receiver() {
    try {
      return new OtlpReceiver();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
