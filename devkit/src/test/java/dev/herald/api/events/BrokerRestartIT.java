package dev.herald.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.activities.events.EventOutbox;
import dev.herald.api.HeraldIntegrationTest;
import dev.herald.api.events.EventsTopic.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kafka.server.BrokerServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded broker stopped and started again (same port, same log directory) in the middle of a
 * burst of sends: every change still reaches the topic once, in order per notification. A context of
 * its own, as the broker needs a fixed port to be found again after its restart.
 */
@DirtiesContext
class BrokerRestartIT extends HeraldIntegrationTest {

  private static final int PORT = freePort();
  private static final int BURST = 40;

  @Autowired EmbeddedKafkaKraftBroker kafka;
  @Autowired KafkaAdmin admin;
  @Autowired EventsProperties events;
  @Autowired EventOutbox outbox;

  @DynamicPropertySource
  static void fixedBrokerPort(DynamicPropertyRegistry registry) {
    registry.add("herald.embedded.kafka-port", () -> PORT);
  }

  @Test
  void aBrokerRestartDuringABurstLosesDuplicatesAndReordersNothing() {
    try (EventsTopic topic = new EventsTopic(admin.getConfigurationProperties().get("bootstrap.servers"),
        events.topic())) {
      List<String> sent = new ArrayList<>(send("before", BURST));
      BrokerServer broker = kafka.getCluster().brokers().values().iterator().next();

      broker.shutdown();
      List<String> during = send("during", BURST);
      sent.addAll(during);
      await().atMost(DELIVERY_WAIT).until(() -> outbox.backlog() >= BURST);
      topic.poll();
      assertThat(during).allSatisfy(id -> assertThat(topic.of(id)).as("published while the broker was down").isEmpty());
      broker.startup();
      sent.addAll(send("after", BURST));

      await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
        topic.poll();
        assertThat(sent).allSatisfy(id ->
            assertThat(topic.of(id)).extracting(Event::type).containsExactly("accepted", "sent"));
      });
      List<Event> read = topic.poll();
      Map<String, Long> byId = read.stream().collect(Collectors.groupingBy(Event::id, Collectors.counting()));
      assertThat(byId).as("events read more than once").allSatisfy((id, count) -> assertThat(count).isOne());
      assertThat(sent).allSatisfy(id -> assertThat(topic.of(id)).extracting(event -> Long.parseLong(event.id()))
          .isSorted());
      await().atMost(DELIVERY_WAIT).until(() -> outbox.backlog() == 0);
    }
  }

  /** {@code count} single emails, one after another; their notification ids. */
  private List<String> send(String phase, int count) {
    return IntStream.range(0, count).mapToObj(i -> "restart-" + phase + "-" + i)
        .map(key -> {
          var accepted = post("/api/v1/notifications", emailRequest(key, "Restart", key + "@it.example"));
          assertThat(accepted.getStatusCode().value()).isEqualTo(202);
          return notificationId(key);
        }).collect(Collectors.toList());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
