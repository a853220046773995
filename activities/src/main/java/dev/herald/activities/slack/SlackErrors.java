package dev.herald.activities.slack;

import dev.herald.activities.channel.ProviderSendException;
import dev.herald.workflows.messages.DeliveryErrorType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What Slack's answer to {@code chat.postMessage} means for a delivery (the README's failure table
 * mirrors this). Slack answers its errors with HTTP 200 and {@code {"ok":false,"error":"<name>"}};
 * the provider code is {@code slack-<name>}, or {@code slack-http-<status>} for an answer without one.
 *
 * <pre>
 * Slack answer                                                  Herald error type      retried?
 * channel_not_found, not_in_channel, is_archived,
 *   user_not_found, cannot_dm_bot                               INVALID_ADDRESS        no
 * msg_too_long, no_text, too_many_attachments,
 *   message_limit_exceeded (the workspace's message quota)      MESSAGE_REJECTED       no
 * HTTP 429 ratelimited, rate_limited                            RATE_LIMITED           yes, after Retry-After
 * invalid_auth, not_authed, account_inactive, token_revoked,
 *   token_expired, missing_scope (our app, fixable in time)     PROVIDER_UNAVAILABLE   yes
 * fatal_error, internal_error, service_unavailable,
 *   request_timeout; HTTP 5xx or any other non-200 status;
 *   timeout, connection failure, an unreadable answer           PROVIDER_UNAVAILABLE   yes
 * any other error name                                          MESSAGE_REJECTED       no
 * </pre>
 */
final class SlackErrors {

  private static final Set<String> INVALID_ADDRESS =
      Set.of("channel_not_found", "not_in_channel", "is_archived", "user_not_found", "cannot_dm_bot");
  private static final Set<String> RATE_LIMITED = Set.of("ratelimited", "rate_limited");
  /** Our token or app, not the message: an operator can fix it within the send's hour. */
  private static final Set<String> OUR_CREDENTIALS =
      Set.of("invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "missing_scope");
  private static final Set<String> SLACK_TROUBLE =
      Set.of("fatal_error", "internal_error", "service_unavailable", "request_timeout");
  private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

  private SlackErrors() {}

  /**
   * Classifies a failed call: Slack's error name (or null), the HTTP status, the answer's headers
   * (lower-case names, for Retry-After) and what Slack added (e.g. the scope a token needs).
   */
  static ProviderSendException classify(String error, int status, Map<String, List<String>> headers, String detail,
      Throwable cause) {
    String name = error == null || error.isBlank() ? null : error.strip().toLowerCase(Locale.ROOT);
    String providerCode = name != null ? "slack-" + name : "slack-http-" + status;
    String message = "Slack chat.postMessage: " + (name != null ? name : "HTTP " + status)
        + (status != 200 && name != null ? " (HTTP " + status + ")" : "")
        + (detail == null || detail.isBlank() ? "" : ", " + detail);
    DeliveryErrorType type;
    if (status == 429 || (name != null && RATE_LIMITED.contains(name))) {
      return new ProviderSendException(DeliveryErrorType.RATE_LIMITED, providerCode, message,
          retryAfter(headers, Instant.now()), cause);
    } else if (status != 200 || name == null || OUR_CREDENTIALS.contains(name) || SLACK_TROUBLE.contains(name)) {
      // Slack itself answers errors with 200: another status is a gateway, a proxy or a wrong base URL
      type = DeliveryErrorType.PROVIDER_UNAVAILABLE;
    } else if (INVALID_ADDRESS.contains(name)) {
      type = DeliveryErrorType.INVALID_ADDRESS;
    } else {
      type = DeliveryErrorType.MESSAGE_REJECTED;
    }
    return new ProviderSendException(type, providerCode, message, cause);
  }

  /** No answer: a timeout, a refused or broken connection. */
  static ProviderSendException unreachable(IOException failure) {
    return new ProviderSendException(DeliveryErrorType.PROVIDER_UNAVAILABLE, null,
        "cannot reach Slack: " + failure, failure);
  }

  /** An answer that is not Slack's JSON (e.g. a proxy's HTML page). */
  static ProviderSendException unreadable(RuntimeException failure) {
    return new ProviderSendException(DeliveryErrorType.PROVIDER_UNAVAILABLE, "slack-unreadable-answer",
        "Slack's answer is not its JSON: " + failure.getMessage(), failure);
  }

  /** Retry-After in seconds or as an HTTP date; null when absent or unreadable; capped at 10 minutes. */
  static Duration retryAfter(Map<String, List<String>> headers, Instant now) {
    if (headers == null) {
      return null;
    }
    String value = headers.entrySet().stream()
        .filter(header -> "retry-after".equalsIgnoreCase(header.getKey()) && header.getValue() != null)
        .flatMap(header -> header.getValue().stream())
        .findFirst().map(String::strip).orElse(null);
    if (value == null || value.isEmpty()) {
      return null;
    }
    Duration delay;
    try {
      delay = Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException notSeconds) {
      try {
        delay = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
    if (delay.isNegative()) {
      return Duration.ZERO;
    }
    return delay.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : delay;
  }
}
