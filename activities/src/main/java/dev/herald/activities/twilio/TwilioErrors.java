package dev.herald.activities.twilio;

import dev.herald.activities.channel.ProviderSendException;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import dev.herald.workflows.messages.DeliveryErrorType;
import java.time.Duration;
import java.util.Set;

/**
 * What a Twilio error means for a delivery (the README's failure table mirrors this):
 *
 * <table>
 *   <tr><th>Twilio answer</th><th>Herald error type</th><th>retried?</th></tr>
 *   <tr><td>21211 invalid To, 21614 not a mobile number, 21217 invalid call To</td>
 *       <td>INVALID_ADDRESS</td><td>no</td></tr>
 *   <tr><td>21610 recipient unsubscribed (replied STOP)</td><td>RECIPIENT_OPTED_OUT (delivery SKIPPED)</td><td>no</td></tr>
 *   <tr><td>20429 / HTTP 429 too many requests</td><td>RATE_LIMITED</td><td>yes, after Retry-After</td></tr>
 *   <tr><td>HTTP 5xx, timeout, connection failure</td><td>PROVIDER_UNAVAILABLE</td><td>yes</td></tr>
 *   <tr><td>any other 4xx (21617 body too long, 20003 authentication ...)</td><td>MESSAGE_REJECTED</td><td>no</td></tr>
 * </table>
 */
public final class TwilioErrors {

  private static final Set<Integer> INVALID_ADDRESS = Set.of(21211, 21217, 21614);
  private static final int UNSUBSCRIBED = 21610;
  private static final int TOO_MANY_REQUESTS = 20429;

  private TwilioErrors() {}

  /** Classifies a failed API call; {@code retryAfter} is the answer's Retry-After, or null. */
  public static ProviderSendException classify(TwilioException failure, Duration retryAfter) {
    if (failure instanceof ApiConnectionException) {
      return unavailable(null, "cannot reach Twilio: " + failure.getMessage(), failure);
    }
    if (!(failure instanceof ApiException api) || (api.getCode() == null && status(api) == null)) {
      // the SDK wraps I/O errors (timeouts, refused connections) in an ApiException without code or status
      return unavailable(null, "Twilio request failed: " + failure.getMessage(), failure);
    }
    Integer code = api.getCode();
    Integer status = status(api);
    String providerCode = code != null ? "twilio-" + code : "http-" + status;
    String message = "Twilio " + (code != null ? code : "HTTP " + status) + ": " + api.getMessage();
    if (code != null && INVALID_ADDRESS.contains(code)) {
      return new ProviderSendException(DeliveryErrorType.INVALID_ADDRESS, providerCode, message, null, failure);
    }
    if (code != null && code == UNSUBSCRIBED) {
      return new ProviderSendException(DeliveryErrorType.RECIPIENT_OPTED_OUT, providerCode, message, null, failure);
    }
    if ((code != null && code == TOO_MANY_REQUESTS) || (status != null && status == 429)) {
      return new ProviderSendException(DeliveryErrorType.RATE_LIMITED, providerCode, message, retryAfter, failure);
    }
    if (status == null || status >= 500) {
      return unavailable(providerCode, message, failure);
    }
    return new ProviderSendException(DeliveryErrorType.MESSAGE_REJECTED, providerCode, message, null, failure);
  }

  private static Integer status(ApiException api) {
    return api.getStatusCode() != null ? api.getStatusCode() : api.getHttpStatusCode();
  }

  private static ProviderSendException unavailable(String providerCode, String message, Throwable cause) {
    return new ProviderSendException(DeliveryErrorType.PROVIDER_UNAVAILABLE, providerCode, message, null, cause);
  }
}
