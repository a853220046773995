package dev.herald.devkit.simulator.slack;

import dev.herald.activities.slack.SlackConfig;
import dev.herald.activities.slack.SlackProperties;
import dev.herald.devkit.DevMode;
import dev.herald.devkit.fault.SimulatorFaults;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Dev mode without a Slack token: the Slack SDK talks to a Slack simulator in this process
 * ({@code /simulators/slack/api/chat.postMessage}), with the bot token {@code herald.slack.simulator.token};
 * {@code GET /api/v1/dev/outbox?channel=SLACK} shows what it accepted. Set {@code SLACK_BOT_TOKEN} and it is gone.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlackSimulatorProperties.class)
@ConditionalOnExpression(SlackSimulatorConfig.SIMULATED)
class SlackSimulatorConfig {

  static final String SIMULATED = "!(" + SlackConfig.CONFIGURED + ") and " + DevMode.ENABLED;

  @Bean
  SimulatedSlackWorkspace simulatedSlackWorkspace(SlackSimulatorProperties properties, Environment environment) {
    return new SimulatedSlackWorkspace(properties, environment.getProperty("server.address"),
        environment.getProperty("server.servlet.context-path"));
  }

  @Bean
  SlackSimulator slackSimulator(SimulatorFaults faults, SlackSimulatorProperties properties, SlackProperties slack,
      Clock clock) {
    return new SlackSimulator(faults, properties, slack.timeout(), clock);
  }
}
