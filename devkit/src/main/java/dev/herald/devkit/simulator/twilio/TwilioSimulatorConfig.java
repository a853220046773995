package dev.herald.devkit.simulator.twilio;

import dev.herald.activities.twilio.TwilioConfig;
import dev.herald.activities.twilio.TwilioProperties;
import dev.herald.devkit.DevMode;
import dev.herald.devkit.fault.SimulatorFaults;
import dev.herald.workflows.messages.Channel;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dev mode without a Twilio account: the SDK talks to a Twilio simulator in this process, with a
 * fake account ({@code herald.twilio.simulator}); {@code GET /api/v1/dev/outbox?channel=SMS} (or
 * VOICE) shows what it accepted. Set {@code TWILIO_ACCOUNT_SID} and it is gone.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TwilioSimulatorProperties.class)
@ConditionalOnExpression(TwilioSimulatorConfig.SIMULATED)
class TwilioSimulatorConfig {

  static final String SIMULATED = "!(" + TwilioConfig.CONFIGURED + ") and " + DevMode.ENABLED;

  @Bean
  SimulatedTwilioAccount simulatedTwilioAccount(TwilioSimulatorProperties properties) {
    return new SimulatedTwilioAccount(properties);
  }

  @Bean(destroyMethod = "close")
  TwilioSimulator twilioSimulator(SimulatedTwilioAccount account, SimulatorFaults faults, TwilioProperties twilio,
      TwilioSimulatorProperties properties, Clock clock) {
    return new TwilioSimulator(account, faults, twilio.timeout(),
        new TwilioCallbacks(properties.authToken(), properties.callbackDelay()), clock);
  }

  @Bean
  TwilioOutbox smsOutbox(TwilioSimulator simulator) {
    return new TwilioOutbox(Channel.SMS, simulator);
  }

  @Bean
  TwilioOutbox voiceOutbox(TwilioSimulator simulator) {
    return new TwilioOutbox(Channel.VOICE, simulator);
  }
}
