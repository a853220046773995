package dev.herald.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.devkit.simulator.twilio.TwilioIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Herald's meters as Prometheus scrapes them, on a management port of their own: a mix of sends through
 * the simulators (emails sent, an email skipped by a suppression, an SMS delivered with its receipt, an SMS
 * refused for good and dead-lettered, a request from Kafka), then every metric that ops/'s dashboard and
 * alert rules name is exported with the labels they use, and the delivery counters are the delivery log's.
 */
// a test context exports no metrics unless asked: the Prometheus registry as in production
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = {
    "management.server.port=0",
    // the dev kit's open paths less the actuator: the scrape is open on the management port only
    "herald.security.open-paths=/api/v1/dev/**,/simulators/**",
    "herald.metrics.refresh-interval=500ms",
    "herald.metrics.temporal-report-interval=500ms",
    "herald.metrics.senders=" + MetricsIT.SENDER})
class MetricsIT extends TwilioIntegrationTest {

  static final String SENDER = "metrics-it";
  private static final Path OPS = Path.of("..", "ops");
  /** The labels Prometheus gives every series of a target as it scrapes it. */
  private static final Set<String> TARGET_LABELS = Set.of("instance", "job");

  @LocalManagementPort int managementPort;
  @Autowired ProducerFactory<String, String> producerFactory;

  @Test
  void theScrapeIsOpenOnTheManagementPortOnly() {
    assertThat(status(scrapeClient(null), "/actuator/prometheus")).isEqualTo(200);
    assertThat(status(scrapeClient(null), "/actuator/metrics")).isEqualTo(401);
    assertThat(status(http(null), "/actuator/prometheus")).isEqualTo(401);
  }

  @Test
  void everyMetricOfTheDashboardAndTheRulesIsExportedAndTheCountersAreTheLogs() throws Exception {
    List<String> ids = sendTheMix();
    ids.forEach(id -> await().atMost(DELIVERY_WAIT).until(() -> isFinal(id)));
    Map<String, Integer> log = logCounts(ids);
    assertThat(log).containsEntry("EMAIL/SENT", 3).containsEntry("EMAIL/SKIPPED", 1)
        .containsEntry("SMS/DELIVERED", 1).containsEntry("SMS/FAILED", 1);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      PrometheusText scrape = scrape();
      assertThat(counted(scrape, "EMAIL", "sent")).isEqualTo(log.get("EMAIL/SENT"));
      assertThat(counted(scrape, "EMAIL", "skipped", "reason", "opted_out")).isEqualTo(log.get("EMAIL/SKIPPED"));
      // a delivered SMS was sent first; the refused one failed at once
      assertThat(counted(scrape, "SMS", "sent")).isEqualTo(log.get("SMS/DELIVERED"));
      assertThat(counted(scrape, "SMS", "delivered")).isEqualTo(log.get("SMS/DELIVERED"));
      assertThat(counted(scrape, "SMS", "failed")).isEqualTo(log.get("SMS/FAILED"));
      assertThat(counted(scrape, "SMS", "dead_lettered")).isEqualTo(log.get("SMS/FAILED"));
      assertThat(scrape.sum("herald_notifications_accepted_total", Map.of("source", "kafka"))).isGreaterThanOrEqualTo(1);
      assertThat(scrape.sum("herald_notifications_accepted_total", Map.of("source", "rest"))).isGreaterThanOrEqualTo(4);
      assertThat(missing(scrape)).isEmpty();
    });
  }

  /** Each notification of the mix: its id. */
  private List<String> sendTheMix() throws Exception {
    String key = senderKey(SENDER);
    http(key).post().uri("/api/v1/suppressions").contentType(MediaType.APPLICATION_JSON)
        .body("{\"channel\":\"EMAIL\",\"address\":\"suppressed@metrics.example\"}").retrieve().toBodilessEntity();
    List<String> ids = new ArrayList<>();
    for (String to : List.of("one@metrics.example", "two@metrics.example", "suppressed@metrics.example")) {
      ids.add(sent(key, emailRequest("mix-" + to, "Metrics", to)));
    }
    ids.add(sent(key, smsRequest("mix-sms-ok", "+14155550901", "Delivered")));
    await().atMost(DELIVERY_WAIT).until(() -> isFinal(ids.get(3)));
    injectFault("{\"httpStatus\":400,\"errorCode\":\"21211\",\"rate\":1}");
    String refused = sent(key, smsRequest("mix-sms-refused", "+14155550902", "Refused"));
    ids.add(refused);
    await().atMost(DELIVERY_WAIT).until(() -> isFinal(refused));
    clearFault();
    new KafkaTemplate<>(producerFactory).send("herald.notifications.requests",
        "{\"sender\":\"" + SENDER + "\"," + emailRequest("mix-kafka", "Metrics", "kafka@metrics.example").substring(1)).get();
    ids.add("notification-" + SENDER + "~mix-kafka");
    await().atMost(DELIVERY_WAIT).until(() -> get("/api/v1/notifications/" + ids.get(5)).getStatusCode().value() == 200);
    return ids;
  }

  private String sent(String key, String request) {
    var answer = http(key).post().uri("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON).body(request)
        .retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(answer.getStatusCode().value()).as("%s", answer).isEqualTo(202);
    return (String) answer.getBody().get("id");
  }

  private boolean isFinal(String id) {
    Object status = get("/api/v1/notifications/" + id).getBody().get("status");
    return Set.of("COMPLETED", "PARTIALLY_FAILED", "FAILED").contains(status)
        && deliveries(id).stream().noneMatch(d -> "PENDING".equals(d.get("status")) || "SENT".equals(d.get("status"))
            && "SMS".equals(d.get("channel")));
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> deliveries(String id) {
    return (List<Map<String, Object>>) get("/api/v1/notifications/" + id).getBody().get("deliveries");
  }

  /** The delivery log's deliveries of these notifications, by channel and status. */
  private Map<String, Integer> logCounts(List<String> ids) {
    Map<String, Integer> counts = new HashMap<>();
    ids.forEach(id -> deliveries(id).forEach(d -> counts.merge(d.get("channel") + "/" + d.get("status"), 1, Integer::sum)));
    return counts;
  }

  private static int counted(PrometheusText scrape, String channel, String outcome, String... more) {
    Map<String, String> match = new HashMap<>(Map.of("sender", SENDER, "channel", channel, "outcome", outcome));
    for (int i = 0; i < more.length; i += 2) {
      match.put(more[i], more[i + 1]);
    }
    return (int) scrape.sum("herald_deliveries_total", match);
  }

  /** What the dashboard and the rules name that the scrape lacks: a metric, or a label of one. */
  private static Set<String> missing(PrometheusText scrape) throws Exception {
    List<String> expressions = new ArrayList<>(OpsFileQueries.dashboardExpressions(OPS.resolve("grafana/herald.json")));
    expressions.addAll(OpsFileQueries.ruleExpressions(OPS.resolve("prometheus/alerts.yml")));
    assertThat(expressions).hasSizeGreaterThan(20);
    Set<String> missing = new TreeSet<>();
    for (String expression : expressions) {
      List<OpsFileQueries.Use> uses = OpsFileQueries.uses(expression);
      for (OpsFileQueries.Use use : uses) {
        List<PrometheusText.Sample> samples = scrape.named(use.metric());
        if (samples.isEmpty()) {
          missing.add(use.metric());
        }
        for (String label : use.labels()) {
          if (samples.stream().noneMatch(s -> s.labels().containsKey(label))) {
            missing.add(use.metric() + "{" + label + "}");
          }
        }
      }
      Set<String> exported = uses.stream().flatMap(use -> scrape.named(use.metric()).stream())
          .flatMap(s -> s.labels().keySet().stream()).collect(Collectors.toSet());
      OpsFileQueries.groupingLabels(expression).stream()
          .filter(label -> !exported.contains(label) && !TARGET_LABELS.contains(label))
          .forEach(label -> missing.add("by (" + label + ") in " + expression.strip().lines().findFirst().orElse("")));
    }
    return missing;
  }

  /** Kept in target/prometheus-scrape.txt, to see what a scrape holds. */
  private PrometheusText scrape() throws java.io.IOException {
    String text = scrapeClient(null).get().uri("/actuator/prometheus").accept(MediaType.TEXT_PLAIN)
        .retrieve().body(String.class);
    java.nio.file.Files.writeString(Path.of("target", "prometheus-scrape.txt"), text);
    return PrometheusText.parse(text);
  }

  private RestClient scrapeClient(String credential) {
    RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + managementPort)
        .defaultStatusHandler(status -> true, (request, response) -> {});
    if (credential != null) {
      builder.defaultHeader("Authorization", "Bearer " + credential);
    }
    return builder.build();
  }

  private static int status(RestClient client, String path) {
    return client.get().uri(path).retrieve().toBodilessEntity().getStatusCode().value();
  }
}
