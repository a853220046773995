package dev.herald.activities.push;

import java.util.Optional;

/**
 * An FCM lookalike in this process (the dev kit's simulator) whose address is known only
 * once the web server listens: the base URL that replaces {@code https://fcm.googleapis.com}.
 */
@FunctionalInterface
public interface FcmEndpoint {

  /** Empty until the server listens. */
  Optional<String> baseUrl();
}
