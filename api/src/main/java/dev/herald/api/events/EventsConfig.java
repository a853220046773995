package dev.herald.api.events;

import dev.herald.activities.precedence.Precedence;
import dev.herald.activities.events.DeliveryEvent;
import dev.herald.activities.events.EventOutbox;
import dev.herald.activities.metrics.DeliveryMeters;
import dev.herald.api.ingest.IngestProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ProducerFactory;

/** The delivery events topic and the relay that fills it from the outbox (docs/events.md). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventsProperties.class)
class EventsConfig {

  private static final Logger log = LoggerFactory.getLogger(EventsConfig.class);

  @Bean
  NewTopic deliveryEventsTopic(EventsProperties events, IngestProperties kafka) {
    return TopicBuilder.name(events.topic()).partitions(kafka.partitions()).replicas(kafka.replicas()).build();
  }

  @Bean
  EventRelay eventRelay(EventOutbox outbox, EventsProperties events, ProducerFactory<?, ?> producers,
      DeliveryMeters meters, Precedence precedence) {
    meters.registerFirstSeries();
    if (!events.enabled()) {
      log.info("delivery events are off (herald.events.enabled): the outbox is emptied without publishing");
      ToIntFunction<List<DeliveryEvent>> discard = List::size;
      return new EventRelay(outbox, counted(discard, meters), () -> { }, events, precedence);
    }
    var publisher = new KafkaEventPublisher(new KafkaProducer<>(producerSettings(producers),
        new StringSerializer(), new ByteArraySerializer()), new CloudEventRecords(events.topic(), events.source()));
    return new EventRelay(outbox, counted(publisher::publish, meters), () -> publisher.close(EventRelay.STOP_WAIT),
        events, precedence);
  }

  /** The deliveries meters count what was published (so each change once, as the outbox holds it). */
  private static ToIntFunction<List<DeliveryEvent>> counted(ToIntFunction<List<DeliveryEvent>> publish,
      DeliveryMeters meters) {
    return events -> {
      int published = publish.applyAsInt(events);
      meters.published(events.subList(0, Math.max(0, Math.min(published, events.size()))));
      return published;
    };
  }

  /**
   * Boot's producer settings (brokers, security), made idempotent with every replica's acknowledgement
   * and retries without end: a broker outage is waited out in order, never turned into a lost or
   * reordered event.
   */
  private static Map<String, Object> producerSettings(ProducerFactory<?, ?> producers) {
    Map<String, Object> settings = new HashMap<>(producers.getConfigurationProperties());
    settings.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    settings.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
    settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, "herald-event-relay");
    return settings;
  }
}
