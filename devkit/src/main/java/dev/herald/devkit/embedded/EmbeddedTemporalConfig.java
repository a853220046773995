package dev.herald.devkit.embedded;

import com.uber.m3.tally.Scope;
import dev.herald.workflows.HeraldSearchAttributes;
import dev.herald.worker.encryption.PlainUserMetadata;
import dev.herald.worker.temporal.TemporalClientConfig;
import dev.herald.worker.temporal.TemporalProperties;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * No {@code TEMPORAL_ADDRESS} and no Temporal CLI (or {@code herald.temporal.dev-server=in-process}):
 * Temporal's in-process test server, real time (no skipping), with Herald's search attributes. It
 * keeps nothing across restarts and has no UI: for tests and a first try.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TemporalServerCondition.InProcess.class)
class EmbeddedTemporalConfig {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalConfig.class);

  @Bean(destroyMethod = "close")
  TestWorkflowEnvironment embeddedTemporal(TemporalProperties properties, DataConverter dataConverter,
      PlainUserMetadata plainUserMetadata, Scope metricsScope) {
    TestEnvironmentOptions.Builder options = TestEnvironmentOptions.newBuilder()
        .setUseTimeskipping(false)
        .setMetricsScope(metricsScope)
        .setWorkflowClientOptions(TemporalClientConfig.clientOptions(properties, dataConverter))
        .setWorkflowServiceStubsOptions(TemporalClientConfig.stubsOptions(plainUserMetadata, metricsScope).build());
    HeraldSearchAttributes.DEFINITIONS.forEach(options::registerSearchAttribute);
    TestWorkflowEnvironment environment = TestWorkflowEnvironment.newInstance(options.build());
    TestServerLockLog.stopRecording(environment);
    log.warn("Temporal: in-process test server (keeps nothing across restarts; no UI). For a dev server with its UI, "
        + "install the Temporal CLI (`{}`) and keep herald.temporal.dev-server=auto, or set TEMPORAL_ADDRESS.",
        TemporalCli.INSTALL_COMMAND);
    return environment;
  }

  /** Owned by the environment, which shuts it down. */
  @Bean(destroyMethod = "")
  WorkflowServiceStubs embeddedServiceStubs(TestWorkflowEnvironment environment) {
    return environment.getWorkflowServiceStubs();
  }
}
