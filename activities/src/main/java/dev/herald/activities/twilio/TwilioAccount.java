package dev.herald.activities.twilio;

import java.net.URI;
import java.util.Optional;

/**
 * The Twilio account Herald sends with and where it is reached: the configured one, or in dev
 * mode the local simulator (whose address is known only once the web server has started, hence
 * methods rather than fixed values).
 */
public interface TwilioAccount {

  String accountSid();

  /** Authenticates API requests and signs the callbacks Twilio makes. */
  String authToken();

  /** Where the REST API is reached instead of https://api.twilio.com; empty: Twilio itself. */
  Optional<URI> apiBaseUrl();

  /** Herald's base URL as Twilio reaches it, for status callbacks; empty: no callbacks. */
  Optional<URI> callbackBaseUrl();
}
