package dev.herald.activities.twilio;

import dev.herald.activities.startup.StartupFailure;
import java.net.URI;
import java.util.Optional;

/** The account set in {@code herald.twilio}. */
record ConfiguredTwilioAccount(String accountSid, String authToken, Optional<URI> apiBaseUrl,
    Optional<URI> callbackBaseUrl) implements TwilioAccount {

  /** The account, once it has what sending needs: its auth token and a number to send from. */
  static ConfiguredTwilioAccount of(TwilioProperties properties) {
    if (blank(properties.authToken())) {
      throw new StartupFailure("A Twilio account is configured (herald.twilio.account-sid) without its auth token: "
          + "herald.twilio.auth-token (TWILIO_AUTH_TOKEN) is not set.", "Set TWILIO_AUTH_TOKEN to the account's auth token.");
    }
    if (blank(properties.defaultFrom())) {
      throw new StartupFailure("A Twilio account is configured (herald.twilio.account-sid) without a number to send "
          + "from: herald.twilio.default-from (TWILIO_FROM_NUMBER) is not set.",
          "Set TWILIO_FROM_NUMBER to a number of the account, in E.164 (e.g. +15017122661); "
              + "herald.twilio.from-numbers.<sender> gives a sender its own.");
    }
    return new ConfiguredTwilioAccount(properties.accountSid(), properties.authToken(), uri(properties.baseUrl()),
        uri(properties.statusCallbackBaseUrl()));
  }

  private static Optional<URI> uri(String value) {
    return blank(value) ? Optional.empty() : Optional.of(URI.create(value.strip()));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public String toString() {
    return "TwilioAccount[" + accountSid + ", api " + apiBaseUrl.map(URI::toString).orElse("api.twilio.com") + "]";
  }
}
