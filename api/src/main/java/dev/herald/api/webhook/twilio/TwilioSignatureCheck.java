package dev.herald.api.webhook.twilio;

import com.twilio.security.RequestValidator;
import dev.herald.activities.twilio.TwilioAccount;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks {@code X-Twilio-Signature} with the SDK's {@link RequestValidator}: over the URL Twilio
 * called (Herald's public base URL when known, since a proxy may change scheme and host) and the
 * POST parameters alone; query parameters are part of the URL.
 */
final class TwilioSignatureCheck {

  static final String HEADER = "X-Twilio-Signature";

  private final TwilioAccount account;

  TwilioSignatureCheck(TwilioAccount account) {
    this.account = account;
  }

  /** The request's POST parameters (one value each), once its signature is checked. */
  Map<String, String> verifiedParams(HttpServletRequest request) {
    Map<String, String> params = formParams(request);
    String signature = request.getHeader(HEADER);
    RequestValidator validator = new RequestValidator(account.authToken());
    if (signature == null || signature.isBlank() || !validator.validate(calledUrl(request), params, signature)) {
      throw new InvalidTwilioSignatureException();
    }
    return params;
  }

  private String calledUrl(HttpServletRequest request) {
    String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
    return account.callbackBaseUrl()
        .map(URI::toString)
        .map(base -> (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + request.getRequestURI() + query)
        .orElseGet(() -> request.getRequestURL() + query);
  }

  /** The servlet's parameters mix the query string into the form; take the query's values out. */
  private static Map<String, String> formParams(HttpServletRequest request) {
    Map<String, List<String>> fromQuery = queryParams(request.getQueryString());
    Map<String, String> form = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> {
      List<String> remaining = new ArrayList<>(List.of(values));
      fromQuery.getOrDefault(name, List.of()).forEach(remaining::remove);
      if (!remaining.isEmpty()) {
        form.put(name, remaining.get(0));
      }
    });
    return form;
  }

  private static Map<String, List<String>> queryParams(String query) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
