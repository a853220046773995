package dev.herald.devkit.simulator.slack;

import dev.herald.activities.slack.SlackWorkspace;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The simulator's fake workspace, reached on this process's own port (random in tests, so learned
 * when the web server starts): the SDK's requests go to {@code /simulators/slack/api/<method>}.
 */
public final class SimulatedSlackWorkspace implements SlackWorkspace, ApplicationListener<WebServerInitializedEvent> {

  private static final Logger log = LoggerFactory.getLogger(SimulatedSlackWorkspace.class);

  private final SlackSimulatorProperties properties;
  private final String host;
  private final String contextPath;
  private volatile String prefix;

  /**
   * @param address {@code server.address}, or null (all interfaces: reached on 127.0.0.1)
   * @param contextPath {@code server.servlet.context-path}, or null
   */
  SimulatedSlackWorkspace(SlackSimulatorProperties properties, String address, String contextPath) {
    this.properties = properties;
    this.host = address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::")
        ? "127.0.0.1"
        : (address.contains(":") ? "[" + address + "]" : address);
    this.contextPath = contextPath == null ? "" : contextPath.replaceAll("/$", "");
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      prefix = "http://" + host + ":" + event.getWebServer().getPort() + contextPath + SlackSimulator.PATH + "/api/";
      log.info("Slack: local simulator at {}; see GET /api/v1/dev/outbox?channel=SLACK "
          + "(set SLACK_BOT_TOKEN for real Slack)", prefix);
    }
  }

  @Override
  public String token() {
    return properties.token();
  }

  /** Empty until the web server listens: a send before that is a transient failure. */
  @Override
  public Optional<String> methodsUrlPrefix() {
    return Optional.ofNullable(prefix);
  }

  @Override
  public String toString() {
    return "SlackWorkspace[simulated at " + (prefix == null ? "(not listening yet)" : prefix) + "]";
  }
}
