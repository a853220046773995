package dev.herald.activities.twilio;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The status callback URL given to Twilio with each message and call: Herald's webhook, with the
 * delivery id as a query parameter so the receipt finds its delivery (and the signature covers it).
 */
public final class StatusCallbacks {

  public static final String PATH = "/api/v1/webhooks/twilio/status";
  public static final String DELIVERY_ID = "deliveryId";

  private final TwilioAccount account;

  public StatusCallbacks(TwilioAccount account) {
    this.account = account;
  }

  /** The callback for one delivery; empty when no public URL is known (no receipts then). */
  public Optional<URI> forDelivery(String deliveryId) {
    return account.callbackBaseUrl().map(base -> URI.create(trimSlash(base.toString()) + PATH + "?" + DELIVERY_ID + "="
        + URLEncoder.encode(deliveryId, StandardCharsets.UTF_8)));
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
