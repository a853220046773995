package dev.herald.devkit.simulator.twilio;

import com.twilio.exception.ApiConnectionException;
import dev.herald.activities.twilio.TwilioAccount;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The simulator's fake account, reached on this process's own port (random in tests, so learned
 * when the web server starts): the SDK's requests go to {@code /simulators/twilio}, and callbacks
 * come back to this process's webhooks.
 */
public final class SimulatedTwilioAccount implements TwilioAccount, ApplicationListener<WebServerInitializedEvent> {

  static final String PATH = "/simulators/twilio";
  private static final Logger log = LoggerFactory.getLogger(SimulatedTwilioAccount.class);

  private final TwilioSimulatorProperties properties;
  private volatile int port;

  SimulatedTwilioAccount(TwilioSimulatorProperties properties) {
    this.properties = properties;
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      port = event.getWebServer().getPort();
      log.info("Twilio: local simulator at {}{}; see GET /api/v1/dev/outbox?channel=SMS or VOICE "
          + "(set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN for real Twilio)", self(), PATH);
    }
  }

  @Override
  public String accountSid() {
    return properties.accountSid();
  }

  @Override
  public String authToken() {
    return properties.authToken();
  }

  @Override
  public Optional<URI> apiBaseUrl() {
    return Optional.of(URI.create(self() + PATH));
  }

  @Override
  public Optional<URI> callbackBaseUrl() {
    return Optional.of(URI.create(self()));
  }

  /** This process's base URL; a send before the web server listens is a transient failure. */
  private String self() {
    if (port <= 0) {
      throw new ApiConnectionException("the Twilio simulator is not listening yet");
    }
    return "http://localhost:" + port;
  }

  @Override
  public String toString() {
    return "TwilioAccount[" + properties.accountSid() + ", simulated on port " + port + "]";
  }
}
