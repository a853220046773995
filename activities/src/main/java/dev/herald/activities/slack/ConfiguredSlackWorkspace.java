package dev.herald.activities.slack;

import com.slack.api.methods.MethodsClient;
import java.util.Optional;

/** The app set in {@code herald.slack}: its token, and Slack itself or the configured base URL. */
record ConfiguredSlackWorkspace(String token, String prefix) implements SlackWorkspace {

  static ConfiguredSlackWorkspace of(SlackProperties properties) {
    String base = properties.baseUrl();
    String prefix = base == null || base.isBlank()
        ? MethodsClient.ENDPOINT_URL_PREFIX
        : base.strip().replaceAll("/+$", "") + "/api/";
    return new ConfiguredSlackWorkspace(properties.token().strip(), prefix);
  }

  @Override
  public Optional<String> methodsUrlPrefix() {
    return Optional.of(prefix);
  }

  /** Never the token. */
  @Override
  public String toString() {
    return "SlackWorkspace[" + prefix + "]";
  }
}
