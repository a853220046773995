package dev.herald.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signing in to the console with an API key: the session cookie, CSRF, sign-out, revocation, where it goes next. */
class ConsoleSignInIT extends HeraldIntegrationTest {

  @Test
  void aValidKeyOpensASessionHeldInAStrictHttpOnlyCookie() {
    ConsoleClient browser = new ConsoleClient(port);
    HttpResponse<String> signedIn = browser.signIn(senderKey("console-in"));

    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console"));
    List<String> setCookies = signedIn.headers().allValues("Set-Cookie");
    assertThat(setCookies).filteredOn(c -> c.startsWith("herald_console=")).singleElement().satisfies(c -> assertThat(c)
        .contains("HttpOnly", "SameSite=Strict", "Path=/console").doesNotContain("Max-Age").doesNotContain("hk_"));
    HttpResponse<String> page = browser.get("/console/sign-in");
    assertThat(page.body()).contains("console-in").contains("Sign out");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
        .contains("script-src 'self'").contains("frame-ancestors 'none'"));
  }

  @Test
  void aWrongKeyIsRefusedAndOpensNoSession() {
    ConsoleClient browser = new ConsoleClient(port);
    HttpResponse<String> refused = browser.signIn("hk_nokey000_this-key-was-never-issued-0123456789");

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("not a valid API key");
    assertThat(browser.session()).isEmpty();
  }

  @Test
  void aFormWithoutItsCsrfTokenIsRefused() {
    ConsoleClient browser = new ConsoleClient(port);
    browser.get("/console/sign-in");

    HttpResponse<String> forged = browser.postRaw("/console/sign-in", Map.of("key", senderKey("console-csrf")));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("no longer valid");
    assertThat(browser.session()).isEmpty();
  }

  @Test
  void signingOutEndsTheSessionOnTheServer() {
    ConsoleClient browser = new ConsoleClient(port);
    browser.signIn(senderKey("console-out"));
    String session = browser.session().orElseThrow();
    assertThat(new ConsoleClient(port).getWithSession("/console/sign-in", session).body()).contains("Sign out");
    browser.get("/console/sign-in");

    HttpResponse<String> out = browser.post("/console/sign-out", Map.of());

    assertThat(out.statusCode()).isEqualTo(302);
    assertThat(new ConsoleClient(port).getWithSession("/console/sign-in", session).body()).doesNotContain("Sign out");
  }

  @Test
  void revokingTheKeyEndsItsSessions() {
    ConsoleClient browser = new ConsoleClient(port);
    String key = createKey("console-revoked", "SENDER");
    browser.signIn(key);
    assertThat(browser.get("/console/sign-in").body()).contains("Sign out");

    Object id = http().get().uri("/api/v1/api-keys").retrieve().body(List.class).stream()
        .filter(k -> "console-revoked".equals(((Map<?, ?>) k).get("name"))).map(k -> ((Map<?, ?>) k).get("id"))
        .findFirst().orElseThrow();
    http().delete().uri("/api/v1/api-keys/{id}", id).retrieve().toBodilessEntity();

    HttpResponse<String> after = browser.get("/console/sign-in");
    assertThat(after.body()).doesNotContain("Sign out");
    assertThat(after.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("herald_console=;"));
  }

  @Test
  void aBrowserNotSignedInSignsInAndComesBackToThePageItAskedFor() {
    ConsoleClient browser = new ConsoleClient(port);
    HttpResponse<String> asked = browser.get("/console/notifications?status=SENT");
    assertThat(asked.statusCode()).isEqualTo(302);
    String signIn = asked.headers().firstValue("Location").orElseThrow();
    assertThat(signIn).endsWith("/console/sign-in?next=%2Fconsole%2Fnotifications%3Fstatus%3DSENT");

    browser.get(signIn.substring(signIn.indexOf("/console")));
    HttpResponse<String> signedIn = browser.post("/console/sign-in", Map.of("key", senderKey("console-next"),
        "next", "/console/notifications?status=SENT"));

    assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l ->
        assertThat(l).endsWith("/console/notifications?status=SENT"));
  }

  @Test
  void signInNeverSendsTheBrowserToAnotherSite() {
    for (String next : List.of("https://evil.example/", "//evil.example/console", "/console/../api/v1/api-keys",
        "/consolex", "javascript:alert(1)")) {
      ConsoleClient browser = new ConsoleClient(port);
      browser.get("/console/sign-in");
      HttpResponse<String> signedIn = browser.post("/console/sign-in", Map.of("key", senderKey("console-next"), "next", next));
      assertThat(signedIn.headers().firstValue("Location")).as(next).hasValueSatisfying(l -> assertThat(l).endsWith("/console"));
    }
  }
}
