package dev.herald.devkit.simulator.fcm;

import dev.herald.activities.push.FcmEndpoint;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/** The simulator's base URL, known once the web server listens (a random port in tests). */
final class FcmSimulatorEndpoint implements FcmEndpoint, ApplicationListener<WebServerInitializedEvent> {

  private static final Logger log = LoggerFactory.getLogger(FcmSimulatorEndpoint.class);

  private final String host;
  private final String contextPath;
  private volatile String baseUrl;

  /**
   * @param address {@code server.address}, or null (all interfaces: reached on 127.0.0.1)
   * @param contextPath {@code server.servlet.context-path}, or null
   */
  FcmSimulatorEndpoint(String address, String contextPath) {
    this.host = address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::")
        ? "127.0.0.1"
        : (address.contains(":") ? "[" + address + "]" : address);
    this.contextPath = contextPath == null ? "" : contextPath.replaceAll("/$", "");
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      baseUrl = "http://" + host + ":" + event.getWebServer().getPort() + contextPath + FcmSimulator.PATH;
      log.info("FCM: in-process simulator at {}; see GET /api/v1/dev/outbox?channel=PUSH "
          + "(set FCM_CREDENTIALS_FILE for real FCM)", baseUrl);
    }
  }

  @Override
  public Optional<String> baseUrl() {
    return Optional.ofNullable(baseUrl);
  }
}
