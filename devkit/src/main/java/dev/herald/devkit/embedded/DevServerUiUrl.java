package dev.herald.devkit.embedded;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@value #PROPERTY}: the web UI of the Temporal CLI's dev server, set only when the dev kit starts
 * that server (no Temporal address, and the CLI chosen: {@link TemporalServerCondition}). The
 * in-process server has no UI, so then it stays unset; application-devkit.yml gives it to the
 * console's links to workflows.
 */
public class DevServerUiUrl implements EnvironmentPostProcessor, Ordered {

  static final String PROPERTY = "herald.temporal.dev-server-ui-url";

  /** After the config files are read, so dev mode, the Temporal address and the UI port are known. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getProperty("herald.dev.enabled", Boolean.class, false)
        || TemporalServerCondition.addressConfigured(environment)
        || !TemporalServerCondition.usesDevServer(environment)) {
      return;
    }
    String port = environment.getProperty("herald.temporal.dev-server-ui-port", "8233");
    environment.getPropertySources().addLast(new MapPropertySource("herald-dev-server-ui",
        Map.of(PROPERTY, "http://localhost:" + port)));
  }
}
