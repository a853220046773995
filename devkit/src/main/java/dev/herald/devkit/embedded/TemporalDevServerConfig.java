package dev.herald.devkit.embedded;

import dev.herald.worker.temporal.TemporalProperties;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * No {@code TEMPORAL_ADDRESS} and the Temporal CLI installed (or {@code herald.temporal.dev-server=cli}):
 * a real dev server with its web UI, started with the app and stopped with it; history survives
 * restarts in the data folder's SQLite file.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DevServerProperties.class, DataDirProperties.class})
@Conditional(TemporalServerCondition.DevServer.class)
class TemporalDevServerConfig {

  @Bean(destroyMethod = "close")
  TemporalDevServer temporalDevServer(DevServerProperties devServer, DataDirProperties data, TemporalProperties temporal) {
    return new TemporalDevServer(TemporalCli.onThisMachine().require(), devServer.devServerPort(),
        devServer.devServerUiPort(), temporal.namespace(), data.dataDir(), devServer.devServerStartTimeout())
        .start();
  }

  @Bean(destroyMethod = "shutdown")
  WorkflowServiceStubs devServerServiceStubs(TemporalDevServer server) {
    return WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
  }
}
