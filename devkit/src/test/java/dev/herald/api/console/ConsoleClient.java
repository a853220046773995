package dev.herald.api.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser, for the console's HTTP-level tests: it keeps cookies, follows no
 * redirects, and posts forms with the CSRF token of the last page it read (as a browser's form
 * would carry it).
 */
public final class ConsoleClient {

  private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
  private static final Pattern CSRF_HEADER = Pattern.compile("<meta name=\"csrf-header\" content=\"([^\"]+)\"");

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private String csrf;
  private String csrfHeader;

  public ConsoleClient(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Opens the sign-in page and signs in with the key; the answer is the sign-in's (303 on success). */
  public HttpResponse<String> signIn(String key) {
    get("/console/sign-in");
    return post("/console/sign-in", Map.of("key", key));
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** A form post with the last page's CSRF token. */
  public HttpResponse<String> post(String path, Map<String, String> form) {
    Map<String, String> fields = new LinkedHashMap<>(form);
    if (csrf != null) {
      fields.putIfAbsent("_csrf", csrf);
    }
    return postRaw(path, fields);
  }

  /** A form post exactly as given: no CSRF token unless it is in the form. */
  public HttpResponse<String> postRaw(String path, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A page script's post (XMLHttpRequest, fetch): the body as it is, the last page's CSRF token in its header. */
  public HttpResponse<String> postBody(String path, String contentType, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (csrf != null) {
      request.header(csrfHeader, csrf);
    }
    return send(request);
  }

  /** A page script's delete (fetch), the last page's CSRF token in its header. */
  public HttpResponse<String> delete(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).DELETE();
    if (csrf != null) {
      request.header(csrfHeader, csrf);
    }
    return send(request);
  }

  public Optional<HttpCookie> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
  }

  /** The session cookie's value, to present it from another client. */
  public Optional<String> session() {
    return cookie("herald_console").map(HttpCookie::getValue).filter(v -> !v.isEmpty());
  }

  /** Presents a session cookie as a browser that holds it would (e.g. one stolen before sign-out). */
  public HttpResponse<String> getWithSession(String path, String session) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", "herald_console=" + session).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Matcher token = CSRF.matcher(response.body());
      if (token.find()) {
        csrf = token.group(1);
      }
      Matcher header = CSRF_HEADER.matcher(response.body());
      if (header.find()) {
        csrfHeader = header.group(1);
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
