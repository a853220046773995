package dev.herald.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import dev.herald.api.security.Role;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The console's own authorization matrix, from the controller mappings: every console route belongs to
 * a page of the menu (whose role the security rules take) or to signing in; every page opens for an
 * admin, for a sender unless it is admin-only (403 then), and sends a browser that is not signed in to
 * sign in; no form route takes a POST without its CSRF token; a path no page has is the console's own
 * "Not found" page.
 */
class ConsoleAccessIT extends HeraldIntegrationTest {

  /** Routes of signing in and out and of the console's own answers, outside any page. */
  static final Set<String> FRAME = Set.of("/console", "/console/", "/console/sign-in", "/console/sign-out", "/console/denied");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired List<ConsolePage> pages;

  @Test
  void everyConsoleRouteBelongsToAPageOrToSigningIn() {
    assertThat(routes(null)).allSatisfy(route -> assertThat(FRAME.contains(route)
        || pages.stream().anyMatch(page -> page.contains(route))).as(route).isTrue());
  }

  @Test
  void theAdminsOwnPagesAreOverviewApprovalsDeadLettersApiKeysAndCategories() {
    assertThat(pages.stream().filter(ConsolePage::adminOnly).map(ConsolePage::path))
        .containsExactlyInAnyOrder("/console/overview", "/console/approvals", "/console/dead-letters", "/console/api-keys", "/console/categories");
  }

  @Test
  void everyPageOpensForItsRolesAndSendsOthersToSignIn() {
    ConsoleClient admin = new ConsoleClient(port);
    admin.signIn(ADMIN_KEY);
    ConsoleClient sender = new ConsoleClient(port);
    sender.signIn(senderKey("console-access"));
    ConsoleClient nobody = new ConsoleClient(port);
    for (ConsolePage page : pages) {
      assertThat(admin.get(page.path()).statusCode()).as("admin " + page.path()).isEqualTo(200);
      assertThat(sender.get(page.path()).statusCode()).as("sender " + page.path())
          .isEqualTo(page.role() == Role.ADMIN ? 403 : 200);
      HttpResponse<String> anonymous = nobody.get(page.path());
      assertThat(anonymous.statusCode()).as("not signed in " + page.path()).isEqualTo(302);
      assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/console/sign-in"));
    }
  }

  @Test
  void noFormRouteTakesAPostWithoutItsCsrfToken() {
    ConsoleClient admin = new ConsoleClient(port);
    admin.signIn(ADMIN_KEY);
    for (String route : routes(RequestMethod.POST)) {
      String path = route.replaceAll("\\{[^}]+}", "x");
      assertThat(admin.postRaw(path, Map.of()).statusCode()).as("POST " + path + " without a CSRF token").isEqualTo(403);
    }
  }

  @Test
  void anUnknownConsolePathIsTheConsolesNotFoundPageWhileTheApiKeepsItsProblem() {
    ConsoleClient sender = new ConsoleClient(port);
    sender.signIn(senderKey("console-access"));
    ConsoleClient nobody = new ConsoleClient(port);

    HttpResponse<String> signedIn = sender.get("/console/no-such-page");
    HttpResponse<String> deeper = sender.get("/console/templates/x/no-such-page");
    HttpResponse<String> signedOut = nobody.get("/console/no-such-page");
    String api = http().get().uri("/api/v1/no-such-page").exchange((request, response) ->
        response.getStatusCode().value() + " " + response.getHeaders().getContentType());

    for (HttpResponse<String> page : List.of(signedIn, deeper)) {
      assertThat(page.statusCode()).isEqualTo(404);
      assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
      assertThat(page.body()).contains("<h1>Not found</h1>", "Sign out");
    }
    assertThat(signedOut.statusCode()).isEqualTo(302);
    assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(l ->
        assertThat(l).endsWith("/console/sign-in?next=%2Fconsole%2Fno-such-page"));
    assertThat(api).isEqualTo("404 " + MediaType.APPLICATION_PROBLEM_JSON_VALUE);
  }

  private Set<String> routes(RequestMethod method) {
    Set<String> routes = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, handler) -> {
      var methods = info.getMethodsCondition().getMethods();
      if (method == null || methods.isEmpty() || methods.contains(method)) {
        info.getPatternValues().stream().filter(p -> p.equals("/console") || p.startsWith("/console/")).forEach(routes::add);
      }
    });
    return routes;
  }
}
