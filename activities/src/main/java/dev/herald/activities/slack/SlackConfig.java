package dev.herald.activities.slack;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Slack sender. The workspace is the configured app ({@code herald.slack.token}) or, in the
 * dev kit without one, the local simulator (which provides its own
 * {@link SlackWorkspace}). Neither: no Slack beans, so this process does not poll the slack queue.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlackProperties.class)
public class SlackConfig {

  /** A real (or externally simulated) Slack app is configured. */
  public static final String CONFIGURED = "!'${herald.slack.token:}'.isBlank()";
  /** Slack is reachable: configured, or simulated in dev mode. */
  public static final String AVAILABLE = "(" + CONFIGURED + ") or ${herald.dev.enabled:false}";

  @Bean
  @ConditionalOnExpression(CONFIGURED)
  SlackWorkspace configuredSlackWorkspace(SlackProperties properties) {
    return ConfiguredSlackWorkspace.of(properties);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression(AVAILABLE)
  SlackApiSender slackApiSender(SlackWorkspace workspace, SlackProperties properties) {
    return new SlackApiSender(workspace, properties.timeout());
  }
}
