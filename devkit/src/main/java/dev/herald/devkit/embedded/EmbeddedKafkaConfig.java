package dev.herald.devkit.embedded;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** No {@code KAFKA_BOOTSTRAP_SERVERS}: a single-node KRaft broker in-process. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedProperties.class)
@ConditionalOnExpression("'${spring.kafka.bootstrap-servers:}'.isBlank()")
class EmbeddedKafkaConfig {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaConfig.class);

  @Bean(destroyMethod = "destroy")
  EmbeddedKafkaKraftBroker embeddedKafka(EmbeddedProperties properties) {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
    if (properties.kafkaPort() > 0) {
      // The KRaft broker ignores kafkaPorts(); its test kit keeps a listeners setting given to it.
      broker.brokerProperty("listeners", "EXTERNAL://localhost:" + properties.kafkaPort() + ",CONTROLLER://localhost:0");
    }
    broker.brokerListProperty("herald.embedded.kafka.brokers");
    broker.afterPropertiesSet();
    log.info("Kafka: embedded broker at {} (set KAFKA_BOOTSTRAP_SERVERS for your own)", broker.getBrokersAsString());
    return broker;
  }

  @Bean
  KafkaConnectionDetails embeddedKafkaConnection(EmbeddedKafkaKraftBroker broker) {
    List<String> servers = List.of(broker.getBrokersAsString().split(","));
    return () -> servers;
  }
}
