package dev.herald.devkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.codec.CodecEndpointProperties;
import dev.herald.api.codec.TemporalCodecController;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;

/** Every Temporal UI Herald starts decodes payloads through Herald's codec endpoint, at the path it is served. */
class UiCodecEndpointFileTest {

  private static final String RUN_COMMANDS_ENDPOINT = "http://localhost:8080" + TemporalCodecController.PATH;

  @Test
  void startScriptAndComposeFileDefaultToTheRunCommandsCodecEndpoint() throws IOException {
    assertThat(Files.readString(Path.of("../temporal-dev/start.sh")))
        .contains("${TEMPORAL_CODEC_ENDPOINT-" + RUN_COMMANDS_ENDPOINT + "}");
    assertThat(Files.readString(Path.of("../temporal-dev/compose.yaml")))
        .contains("--ui-codec-endpoint=${TEMPORAL_CODEC_ENDPOINT:-" + RUN_COMMANDS_ENDPOINT + "}");
  }

  @Test
  void theDevKitsDevServerUsesTheAppsOwnEndpointWhenItHasAFixedPort() {
    ServerProperties web = new ServerProperties();
    CodecEndpointProperties on = new CodecEndpointProperties(true, List.of());

    assertThat(TemporalDevServerConfig.uiCodecEndpoint(on, web)).isEqualTo(RUN_COMMANDS_ENDPOINT);
    web.setPort(9090);
    assertThat(TemporalDevServerConfig.uiCodecEndpoint(on, web)).isEqualTo("http://localhost:9090" + TemporalCodecController.PATH);
    web.setPort(0);
    assertThat(TemporalDevServerConfig.uiCodecEndpoint(on, web)).as("a random port is not known yet").isNull();
    assertThat(TemporalDevServerConfig.uiCodecEndpoint(new CodecEndpointProperties(false, List.of()), new ServerProperties()))
        .isNull();
  }
}
