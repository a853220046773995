package dev.herald.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.activities.startup.StartupFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The request topics' sender rules on the api's own configuration (application.yml), as deployed. */
class TopicSendersTest {

  private final ApplicationContextRunner api = new ApplicationContextRunner()
      .withInitializer(new ConfigDataApplicationContextInitializer())
      .withUserConfiguration(Rules.class);

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(IngestProperties.class)
  @Import(TopicSenders.class)
  static class Rules {}

  @Test
  void theApiDoesNotStartUntilItsRequestsTopicHasARuleAndNamesTheSetting() {
    api.run(app -> assertThat(app).hasFailed().getFailure()
        .hasRootCauseInstanceOf(StartupFailure.class).rootCause()
        .hasMessageContaining("herald.notifications.requests may speak for no sender")
        .hasMessageContaining("herald.kafka.topic-senders.herald.notifications.requests "
            + "(HERALD_KAFKA_TOPICSENDERS_HERALD_NOTIFICATIONS_REQUESTS) is not set"));
  }

  @Test
  void theEnvironmentVariableTheFailureNamesSetsTheRule() {
    api.withInitializer(app -> app.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource(
            "test-systemEnvironment", Map.of("HERALD_KAFKA_TOPICSENDERS_HERALD_NOTIFICATIONS_REQUESTS", "shop,billing"))))
        .run(app -> {
          assertThat(app).hasNotFailed();
          assertThat(app.getBean(TopicSenders.class).ruleOf("herald.notifications.requests").senders())
              .containsExactly("shop", "billing");
        });
  }

  @Test
  void everyTopicWithARuleIsConsumedTheRequestsTopicFirst() {
    api.withPropertyValues("herald.kafka.topic-senders.shop.notifications=shop",
            "herald.kafka.topic-senders.herald.notifications.requests=*")
        .run(app -> {
          TopicSenders senders = app.getBean(TopicSenders.class);
          assertThat(senders.topics()).containsExactly("herald.notifications.requests", "shop.notifications");
          assertThat(senders.ruleOf("shop.notifications").senderOf(null)).isEqualTo("shop");
        });
  }

  @Test
  void aMalformedRuleStopsTheStartNamingItsSetting() {
    api.withPropertyValues("herald.kafka.topic-senders.herald.notifications.requests=shop",
            "herald.kafka.topic-senders.[Billing_Events]=billing shop")
        .run(app -> assertThat(app).hasFailed().getFailure()
            .hasRootCauseInstanceOf(StartupFailure.class).rootCause()
            .hasMessageContaining("herald.kafka.topic-senders.Billing_Events (in YAML, the topic in brackets: "
                + "\"[Billing_Events]\") lists 'billing shop'"));
  }
}
