package dev.herald.api.ingest;

import dev.herald.activities.deadletter.DeadLetterWrites;
import java.util.Arrays;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Topics, and what happens when an event fails: an invalid one goes straight to the dead-letter
 * topic with its reason; any other failure (Temporal down) is retried with backoff for as long as
 * it takes, never dropped, and the offset is not committed before the workflow start succeeded.
 * Request events are read and dead-lettered as bytes, so the dead letter is the event as it came
 * (key, value and headers), plus the reason header and where it came from; no exception headers,
 * which would name Java classes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class KafkaIngestConfig {

  private static final Logger log = LoggerFactory.getLogger(KafkaIngestConfig.class);

  static final String CONTAINER_FACTORY = "requestEventContainerFactory";

  /** Every request topic, made when missing (as Herald's own dead-letter topic). */
  @Bean
  KafkaAdmin.NewTopics requestTopics(TopicSenders senders, IngestProperties properties) {
    return new KafkaAdmin.NewTopics(Arrays.stream(senders.topics()).map(topic -> TopicBuilder.name(topic)
        .partitions(properties.partitions()).replicas(properties.replicas()).build()).toArray(NewTopic[]::new));
  }

  @Bean
  NewTopic deadLetterTopic(IngestProperties properties) {
    return TopicBuilder.name(properties.deadLetterTopic())
        .partitions(properties.partitions()).replicas(properties.replicas()).build();
  }

  /** Boot's listener settings (and the error handler below) over a consumer of raw bytes. */
  @Bean(CONTAINER_FACTORY)
  ConcurrentKafkaListenerContainerFactory<byte[], byte[]> requestEventContainerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<?, ?> consumers) {
    var bytes = new DefaultKafkaConsumerFactory<>(consumers.getConfigurationProperties(), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    var factory = new ConcurrentKafkaListenerContainerFactory<byte[], byte[]>();
    configurer.configure(castForBoot(factory), castForBoot(bytes));
    return factory;
  }

  /** A dead letter's re-drive: its bytes to its topic again. */
  @Bean
  EventRepublisher eventRepublisher(ProducerFactory<?, ?> producers) {
    return new EventRepublisher(bytesTemplate(producers));
  }

  /** A refused event is listed with Herald's dead letters (PostgreSQL), then published to the dead-letter topic. */
  @Bean
  DefaultErrorHandler ingestErrorHandler(ProducerFactory<?, ?> producers, IngestProperties properties,
      DeadLetterWrites deadLetters) {
    var recoverer = new DeadLetterPublishingRecoverer(bytesTemplate(producers),
        (record, failure) -> new TopicPartition(properties.deadLetterTopic(), -1));
    recoverer.setHeadersFunction((record, failure) -> DeadLetters.reasonHeaders(failure));
    recoverer.setExceptionHeadersCreator((headers, failure, isKey, names) -> { });
    ConsumerRecordRecoverer listed = (record, failure) -> {
      DeadLetters.Reason reason = DeadLetters.reasonOf(failure);
      log.warn("event {}-{}@{} refused ({}): {}", record.topic(), record.partition(), record.offset(), reason.code(),
          reason.text());
      deadLetters.eventRefused(record.topic(), record.partition(), record.offset(), (byte[]) record.key(),
          (byte[]) record.value(), reason.code(), reason.text());
      recoverer.accept(record, failure);
    };
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
    backOff.setMaxInterval(30_000);
    DefaultErrorHandler handler = new DefaultErrorHandler(listed, backOff);
    handler.addNotRetryableExceptions(InvalidEventException.class);
    return handler;
  }

  /** Events as bytes (not a bean: Boot's own KafkaTemplate stays). */
  private static KafkaTemplate<byte[], byte[]> bytesTemplate(ProducerFactory<?, ?> producers) {
    return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producers.getConfigurationProperties(),
        new ByteArraySerializer(), new ByteArraySerializer()));
  }

  /** Boot's configurer is typed for Object keys and values; the listener's records are byte arrays. */
  @SuppressWarnings("unchecked")
  private static <T> T castForBoot(Object typed) {
    return (T) typed;
  }
}
