package dev.herald.devkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The Temporal UI's address is known to the dev kit's console only when it starts the CLI's dev server. */
class DevServerUiUrlTest {

  @Test
  void theCliDevServerGivesItsUiOnItsPort() {
    assertThat(uiUrl(Map.of("herald.dev.enabled", "true", "herald.temporal.dev-server", "cli",
        "herald.temporal.dev-server-ui-port", "9233"))).isEqualTo("http://localhost:9233");
  }

  @Test
  void theInProcessServerHasNoUi() {
    assertThat(uiUrl(Map.of("herald.dev.enabled", "true", "herald.temporal.dev-server", "in-process"))).isNull();
  }

  @Test
  void aConfiguredTemporalIsNotTheDevServer() {
    assertThat(uiUrl(Map.of("herald.dev.enabled", "true", "herald.temporal.dev-server", "cli",
        "herald.temporal.address", "temporal.internal:7233"))).isNull();
  }

  @Test
  void outsideDevModeNothingIsSet() {
    assertThat(uiUrl(Map.of("herald.temporal.dev-server", "cli"))).isNull();
  }

  private static String uiUrl(Map<String, Object> settings) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
    new DevServerUiUrl().postProcessEnvironment(environment, new SpringApplication());
    return environment.getProperty(DevServerUiUrl.PROPERTY);
  }
}
