package dev.herald.devkit.embedded;

import com.uber.m3.tally.Scope;
import dev.herald.api.codec.CodecEndpointProperties;
import dev.herald.api.codec.TemporalCodecController;
import dev.herald.worker.encryption.PlainUserMetadata;
import dev.herald.worker.temporal.TemporalClientConfig;
import dev.herald.worker.temporal.TemporalProperties;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.boot.autoconfigure.web.ServerProperties;
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
@EnableConfigurationProperties({DevServerProperties.class, DataDirProperties.class, CodecEndpointProperties.class})
@Conditional(TemporalServerCondition.DevServer.class)
class TemporalDevServerConfig {

  @Bean(destroyMethod = "close")
  TemporalDevServer temporalDevServer(DevServerProperties devServer, DataDirProperties data, TemporalProperties temporal,
      CodecEndpointProperties codecEndpoint, ServerProperties web) {
    return new TemporalDevServer(TemporalCli.onThisMachine().require(), devServer.devServerPort(),
        devServer.devServerUiPort(), temporal.namespace(), data.dataDir(), devServer.devServerStartTimeout(),
        uiCodecEndpoint(codecEndpoint, web))
        .start();
  }

  @Bean(destroyMethod = "shutdown")
  WorkflowServiceStubs devServerServiceStubs(TemporalDevServer server, PlainUserMetadata plainUserMetadata,
      Scope metricsScope) {
    return WorkflowServiceStubs.newServiceStubs(
        TemporalClientConfig.stubsOptions(plainUserMetadata, metricsScope).setTarget(server.target()).build());
  }

  /** This app's codec endpoint, for the UI to decode payloads with; none when it is off or the port is not fixed. */
  static String uiCodecEndpoint(CodecEndpointProperties codecEndpoint, ServerProperties web) {
    int port = web.getPort() == null ? 8080 : web.getPort();
    return codecEndpoint.enabled() && port > 0 ? "http://localhost:" + port + TemporalCodecController.PATH : null;
  }
}
