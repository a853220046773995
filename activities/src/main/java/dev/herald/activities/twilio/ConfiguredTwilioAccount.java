package dev.herald.activities.twilio;

import java.net.URI;
import java.util.Optional;

/** The account set in {@code herald.twilio}. */
record ConfiguredTwilioAccount(String accountSid, String authToken, Optional<URI> apiBaseUrl,
    Optional<URI> callbackBaseUrl) implements TwilioAccount {

  static ConfiguredTwilioAccount of(TwilioProperties properties) {
    if (properties.authToken() == null || properties.authToken().isBlank()) {
      throw new IllegalStateException("herald.twilio.auth-token (TWILIO_AUTH_TOKEN) is required with an account SID");
    }
    return new ConfiguredTwilioAccount(properties.accountSid(), properties.authToken(), uri(properties.baseUrl()),
        uri(properties.statusCallbackBaseUrl()));
  }

  private static Optional<URI> uri(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(URI.create(value.strip()));
  }

  @Override
  public String toString() {
    return "TwilioAccount[" + accountSid + ", api " + apiBaseUrl.map(URI::toString).orElse("api.twilio.com") + "]";
  }
}
