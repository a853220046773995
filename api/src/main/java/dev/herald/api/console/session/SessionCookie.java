package dev.herald.api.console.session;

import dev.herald.api.console.ConsoleProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The console's session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page
 * sends it), scoped to /console, Secure over HTTPS, and without Max-Age, so it ends with the browser;
 * the server ends it sooner (idle time, lifetime, sign-out, a revoked key).
 */
public final class SessionCookie {

  public static final String NAME = "herald_console";
  static final String PATH = "/console";

  private final ConsoleProperties settings;

  public SessionCookie(ConsoleProperties settings) {
    this.settings = settings;
  }

  public Optional<String> read(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    return cookies == null ? Optional.empty() : Arrays.stream(cookies)
        .filter(cookie -> NAME.equals(cookie.getName()) && !cookie.getValue().isBlank())
        .map(Cookie::getValue).findFirst();
  }

  public void write(HttpServletRequest request, HttpServletResponse response, String token) {
    response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, token).build().toString());
  }

  public void clear(HttpServletRequest request, HttpServletResponse response) {
    response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "").maxAge(0).build().toString());
  }

  private ResponseCookie.ResponseCookieBuilder cookie(HttpServletRequest request, String value) {
    return ResponseCookie.from(NAME, value).httpOnly(true).sameSite("Strict")
        .path(request.getContextPath() + PATH).secure(settings.secureCookie() || request.isSecure());
  }
}
