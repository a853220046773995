package dev.herald.activities.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The Twilio SDK's own HTTP client with three changes: each request goes to the account's base URL
 * when it has one (a simulator), keeping path, query, form and auth; one attempt per call (the SDK
 * would retry any 5xx three times and Apache HttpClient 429 and 503 once more, hiding calls from
 * Temporal's retry policy and its cap); and the {@code Retry-After} of the last answer on this
 * thread is kept for the caller, as the SDK's exceptions drop response headers.
 */
public class TwilioHttpClient extends NetworkHttpClient {

  private static final ThreadLocal<Duration> LAST_RETRY_AFTER = new ThreadLocal<>();
  private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);
  private static final int MAX_CONNECTIONS = 50;

  private final Supplier<Optional<URI>> baseUrl;

  public TwilioHttpClient(Supplier<Optional<URI>> baseUrl, Duration timeout) {
    super(clientBuilder(timeout));
    this.baseUrl = baseUrl;
  }

  /**
   * Like the SDK's default client, without automatic retries. The SDK sets its own request config on
   * every request, so the read timeout is the socket's.
   */
  private static HttpClientBuilder clientBuilder(Duration timeout) {
    SocketConfig socket = SocketConfig.custom().setSoTimeout(Timeout.of(timeout)).setSoKeepAlive(true).build();
    return HttpClientBuilder.create()
        .useSystemProperties()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDefaultSocketConfig(socket)
            .setMaxConnPerRoute(MAX_CONNECTIONS)
            .setMaxConnTotal(MAX_CONNECTIONS)
            .build())
        .setDefaultRequestConfig(DEFAULT_REQUEST_CONFIG)
        .disableAutomaticRetries();
  }

  @Override
  public Response reliableRequest(Request request) {
    return reliableRequest(request, new int[0], 1, 0);
  }

  @Override
  public Response makeRequest(Request request) {
    LAST_RETRY_AFTER.remove();
    Request target = baseUrl.get().map(base -> rebase(request, base)).orElse(request);
    Response response = super.makeRequest(target);
    retryAfter(response.getHeaders()).ifPresent(LAST_RETRY_AFTER::set);
    return response;
  }

  /** The {@code Retry-After} of the last answer received on this thread, if it had one. */
  public Optional<Duration> lastRetryAfter() {
    return Optional.ofNullable(LAST_RETRY_AFTER.get());
  }

  static Request rebase(Request request, URI base) {
    String path = URI.create(request.getUrl()).getRawPath();
    String prefix = base.toString().replaceAll("/+$", "");
    Request copy = new Request(request.getMethod(), prefix + path);
    request.getQueryParams().forEach((name, values) -> values.forEach(value -> copy.addQueryParam(name, value)));
    request.getPostParams().forEach((name, values) -> values.forEach(value -> copy.addPostParam(name, value)));
    request.getHeaderParams().forEach((name, values) -> values.forEach(value -> copy.addHeaderParam(name, value)));
    if (request.getAuthStrategy() != null) {
      copy.setAuth(request.getAuthStrategy());
    } else {
      copy.setAuth(request.getUsername(), request.getPassword());
    }
    copy.setContentType(request.getContentType());
    copy.setBody(request.getBody());
    copy.setFormParameters(request.getFormParameters());
    copy.setUserAgentExtensions(request.getUserAgentExtensions());
    return copy;
  }

  /** Seconds or an HTTP date (RFC 9110); capped, as a wrong header must not stall a send for hours. */
  static Optional<Duration> retryAfter(Header[] headers) {
    if (headers == null) {
      return Optional.empty();
    }
    for (Header header : headers) {
      if ("Retry-After".equalsIgnoreCase(header.getName()) && header.getValue() != null) {
        return parseRetryAfter(header.getValue().strip());
      }
    }
    return Optional.empty();
  }

  static Optional<Duration> parseRetryAfter(String value) {
    Duration delay;
    try {
      delay = Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException notSeconds) {
      try {
        delay = Duration.between(Instant.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
    if (delay.isNegative()) {
      delay = Duration.ZERO;
    }
    return Optional.of(delay.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : delay);
  }
}
