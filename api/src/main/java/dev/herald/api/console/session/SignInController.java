package dev.herald.api.console.session;

import dev.herald.activities.session.ConsoleSessions;
import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.ConsoleProperties;
import dev.herald.api.security.KeySignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign in with an API key (a sender's or an admin's) and sign out. A signed-in browser holds only a
 * session cookie; the key itself is never stored in the browser. After signing in, the browser goes
 * back to the console page it asked for ({@code next}, a console path only).
 */
@ConsoleController
class SignInController {

  static final String PATH = "/console/sign-in";
  private static final Pattern CONSOLE_PATH = Pattern.compile("/console(/[A-Za-z0-9._~%/-]*)?(\\?[A-Za-z0-9._~%&=+-]*)?");

  private final KeySignIn keys;
  private final ConsoleSessions sessions;
  private final SessionCookie cookie;
  private final ConsoleProperties settings;

  SignInController(KeySignIn keys, ConsoleSessions sessions, ConsoleProperties settings) {
    this.keys = keys;
    this.sessions = sessions;
    this.cookie = new SessionCookie(settings);
    this.settings = settings;
  }

  @GetMapping(PATH)
  String form(@RequestParam(required = false) String next, Model model) {
    model.addAttribute("next", safe(next));
    return "console/sign-in";
  }

  @PostMapping(PATH)
  String signIn(@RequestParam(defaultValue = "") String key, @RequestParam(required = false) String next,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    model.addAttribute("next", safe(next));
    KeySignIn.Outcome outcome = keys.signIn(key, request.getRemoteAddr());
    if (outcome instanceof KeySignIn.SignedIn in) {
      cookie.read(request).ifPresent(sessions::close);
      cookie.write(request, response, sessions.open(in.keyId(), settings.sessionIdle(), settings.sessionLifetime()));
      return "redirect:" + safe(next);
    }
    if (outcome instanceof KeySignIn.Blocked blocked) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      long seconds = Math.max(1, blocked.retryAfter().toSeconds());
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      model.addAttribute("error", "Too many failed attempts: try again in " + seconds + " seconds.");
    } else {
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      model.addAttribute("error", "That key is not a valid API key, or it was revoked.");
    }
    return "console/sign-in";
  }

  @PostMapping("/console/sign-out")
  String signOut(HttpServletRequest request, HttpServletResponse response) {
    cookie.read(request).ifPresent(sessions::close);
    cookie.clear(request, response);
    return "redirect:" + PATH;
  }

  /** A console path to go to after signing in; anything else (another site, a scheme) is the console's home. */
  static String safe(String next) {
    return next != null && CONSOLE_PATH.matcher(next).matches() && !next.contains("//") && !next.contains("..")
        ? next : "/console";
  }
}
