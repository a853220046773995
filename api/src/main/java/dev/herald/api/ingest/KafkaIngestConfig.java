package dev.herald.api.ingest;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Topics, and what happens when an event fails: an invalid one goes straight to the dead-letter
 * topic with its reason; any other failure (Temporal down) is retried with backoff for as long as
 * it takes, never dropped, and the offset is not committed before the workflow start succeeded.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class KafkaIngestConfig {

  @Bean
  NewTopic requestsTopic(IngestProperties properties) {
    return TopicBuilder.name(properties.requestsTopic())
        .partitions(properties.partitions()).replicas(properties.replicas()).build();
  }

  @Bean
  NewTopic deadLetterTopic(IngestProperties properties) {
    return TopicBuilder.name(properties.deadLetterTopic())
        .partitions(properties.partitions()).replicas(properties.replicas()).build();
  }

  @Bean
  DefaultErrorHandler ingestErrorHandler(KafkaTemplate<Object, Object> template, IngestProperties properties) {
    var recoverer = new DeadLetterPublishingRecoverer(template,
        (record, failure) -> new TopicPartition(properties.deadLetterTopic(), -1));
    recoverer.setHeadersFunction((record, failure) -> DeadLetters.reasonHeaders(failure));
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
    backOff.setMaxInterval(30_000);
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
    handler.addNotRetryableExceptions(InvalidEventException.class);
    return handler;
  }
}
