package dev.herald.devkit.simulator.fcm;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.activities.push.FcmProperties;
import dev.herald.devkit.DevMode;
import dev.herald.devkit.fault.SimulatorFaults;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Dev mode without FCM credentials or base URL: the Firebase Admin SDK talks to an FCM simulator in
 * this process ({@code /simulators/fcm}, project {@code herald-dev}); {@code GET
 * /api/v1/dev/outbox?channel=PUSH} shows what it accepted. Set {@code FCM_CREDENTIALS_FILE} and it is gone.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(FcmSimulatorConfig.SIMULATED)
class FcmSimulatorConfig {

  static final String SIMULATED = "!" + FcmProperties.CONFIGURED + " and " + DevMode.ENABLED;

  @Bean
  FcmSimulator fcmSimulator(SimulatorFaults faults, ObjectMapper json, FcmProperties fcm, Clock clock) {
    return new FcmSimulator(faults, json, fcm.timeout(), clock);
  }

  @Bean
  FcmSimulatorEndpoint fcmSimulatorEndpoint(Environment environment) {
    return new FcmSimulatorEndpoint(environment.getProperty("server.address"),
        environment.getProperty("server.servlet.context-path"));
  }
}
