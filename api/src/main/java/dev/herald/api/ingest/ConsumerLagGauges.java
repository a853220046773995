package dev.herald.api.ingest;

import dev.herald.activities.metrics.GaugeRefresh;
import dev.herald.activities.metrics.HeraldMeters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The request lanes' consumer lag per topic, partition and group: the partition's end offset less the
 * group's committed offset, asked of the brokers by {@link GaugeRefresh} (an admin client, not the
 * consumers, so it is the cluster's lag whichever process consumes; take the max over processes). A
 * partition appears once its group has committed on it.
 */
@Component
class ConsumerLagGauges implements DisposableBean {

  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

  private record Key(String topic, int partition, String group) {}

  private final KafkaAdmin kafkaAdmin;
  private final MeterRegistry registry;
  private final Set<String> topics;
  private final List<String> groups;
  private final Map<Key, Long> lags = new ConcurrentHashMap<>();
  private volatile Admin admin;

  ConsumerLagGauges(KafkaAdmin kafkaAdmin, MeterRegistry registry, TopicSenders senders, GaugeRefresh refresh,
      @Value("${spring.kafka.consumer.group-id}") String group) {
    this.kafkaAdmin = kafkaAdmin;
    this.registry = registry;
    this.topics = Set.of(senders.topics());
    // the lanes' groups (NotificationRequestListener)
    this.groups = List.of(group, group + "-high", group + "-low");
    refresh.every("Kafka consumer lag", this::refresh);
  }

  void refresh() {
    try {
      Admin client = admin();
      for (String group : groups) {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(client.listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata().get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        committed.keySet().removeIf(partition -> !topics.contains(partition.topic()));
        committed.values().removeIf(offset -> offset == null);
        if (committed.isEmpty()) {
          continue;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        var ends = client.listOffsets(latest).all().get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        committed.forEach((partition, offset) -> lag(new Key(partition.topic(), partition.partition(), group),
            Math.max(0, ends.get(partition).offset() - offset.offset())));
      }
    } catch (ExecutionException | TimeoutException failed) {
      throw new IllegalStateException("the brokers did not answer", failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void lag(Key key, long lag) {
    if (lags.put(key, lag) == null) {
      Gauge.builder(HeraldMeters.CONSUMER_LAG, lags, all -> all.getOrDefault(key, 0L))
          .tag(HeraldMeters.TOPIC, key.topic()).tag(HeraldMeters.PARTITION, Integer.toString(key.partition()))
          .tag(HeraldMeters.GROUP, key.group()).register(registry);
    }
  }

  private Admin admin() {
    if (admin == null) {
      admin = Admin.create(kafkaAdmin.getConfigurationProperties());
    }
    return admin;
  }

  @Override
  public void destroy() {
    if (admin != null) {
      admin.close(ASK_TIMEOUT);
    }
  }
}
