package dev.herald.api.console.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import dev.herald.api.console.ConsoleClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's templates pages over HTTP: creating a template, writing versions per channel and
 * locale, previewing with sample variables, publishing; the API's rules and ownership on every page.
 */
class TemplatePagesIT extends HeraldIntegrationTest {

  private static final String SUBJECT_KO = "{{name}}님, 주문 {{order.id}}이(가) 발송되었습니다";
  private static final String TEXT_KO = "{{name}}님 안녕하세요 — 헤럴드";

  @Test
  void aSenderCreatesATemplateWithEnglishAndKoreanEmailAndPreviewsItInKorean() {
    ConsoleClient browser = signedIn("console-tpl-writer");

    HttpResponse<String> created = browser.post("/console/templates", Map.of("key", "ct-shipped",
        "description", "주문 발송 알림"));
    assertThat(created.statusCode()).isEqualTo(302);
    assertThat(location(created)).endsWith("/console/templates/ct-shipped/versions/new");
    assertThat(follow(browser, created).body()).contains("created: write its first version");

    Map<String, String> english = englishEmail();
    Map<String, String> adding = new LinkedHashMap<>(english);
    adding.put("action", "add-locale");
    adding.put("newLocale", "ko");
    HttpResponse<String> withKorean = browser.post("/console/templates/ct-shipped/versions", adding);
    assertThat(withKorean.statusCode()).isEqualTo(200);
    assertThat(withKorean.body()).contains("Locale ko (Korean)", "name=\"locale\" value=\"ko\"",
        "name=\"locales.ko.email.subject\"", "value=\"Order {{order.id}} shipped\"");

    Map<String, String> saving = new LinkedHashMap<>(english);
    saving.put("locale", "ko");
    saving.put("locales.ko.email.subject", SUBJECT_KO);
    saving.put("locales.ko.email.text", TEXT_KO);
    HttpResponse<String> saved = browser.post("/console/templates/ct-shipped/versions", saving);
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(location(saved)).endsWith("/console/templates/ct-shipped/versions/1");

    Map<String, Object> stored = get("/api/v1/templates/ct-shipped/versions/1").getBody();
    assertThat(stored).containsEntry("active", false);
    assertThat((Map<String, Object>) ((Map<String, Object>) stored.get("locales")).get("ko"))
        .isEqualTo(Map.of("email", Map.of("subject", SUBJECT_KO, "text", TEXT_KO)));
    assertThat((Map<String, Object>) ((Map<String, Object>) stored.get("defaults")).get("email"))
        .containsEntry("html", "<p>Hi {{name}},\nyour order {{order.id}} shipped.</p>");
    assertThat(get("/api/v1/templates/ct-shipped").getBody()).containsEntry("description", "주문 발송 알림");

    HttpResponse<String> page = follow(browser, saved);
    assertThat(page.body()).contains("Version 1 saved as a draft", SUBJECT_KO, "Publish version 1");
    HttpResponse<String> preview = browser.post("/console/templates/ct-shipped/versions/1/preview", Map.of(
        "channel", "EMAIL", "locale", "ko-KR", "variables", "{\"name\": \"김민수\", \"order\": {\"id\": \"주문-42\"}}"));
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("UTF-8"));
    assertThat(text(preview)).contains("Email (ko)", "김민수님, 주문 주문-42이(가) 발송되었습니다", "김민수님 안녕하세요 — 헤럴드")
        .contains("{\"name\": \"김민수\", \"order\": {\"id\": \"주문-42\"}}");
  }

  @Test
  void theEmailHtmlIsShownOnlyInASandboxedFrameWithAPolicyOfItsOwn() {
    ConsoleClient browser = signedIn("console-tpl-frame");
    follow(browser, browser.post("/console/templates", Map.of("key", "ct-frame")));
    follow(browser, browser.post("/console/templates/ct-frame/versions", englishEmail()));
    String variables = "{\"name\": \"<b>Ada</b> & 민수\", \"order\": {\"id\": 7}}";

    HttpResponse<String> page = browser.post("/console/templates/ct-frame/versions/1/preview",
        Map.of("variables", variables));
    HttpResponse<String> live = browser.post("/console/templates/ct-frame/versions/1/preview/live",
        Map.of("variables", variables));
    String src = HtmlUtils.htmlUnescape(page.body().replaceAll("(?s).*<iframe[^>]* src=\"([^\"]+)\".*", "$1"));
    HttpResponse<String> frame = browser.get(src);

    assertThat(page.body()).contains("<iframe", "sandbox=\"\"", "title=\"HTML email preview\"")
        .contains("&lt;p&gt;Hi &amp;lt;b&amp;gt;Ada").doesNotContain("<p>Hi");
    assertThat(src).startsWith("/console/templates/ct-frame/versions/1/preview/email?locale=&variables=%7B");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).startsWith("<div id=\"preview-result\"").doesNotContain("<html", "<main")
        .contains("<iframe", "Order 7 shipped");
    assertThat(frame.statusCode()).isEqualTo(200);
    assertThat(frame.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
    assertThat(frame.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
        .startsWith("sandbox;").contains("default-src 'none'", "frame-ancestors 'self'").doesNotContain("script-src"));
    assertThat(frame.body()).isEqualTo("<p>Hi &lt;b&gt;Ada&lt;/b&gt; &amp; 민수,\nyour order 7 shipped.</p>");
  }

  @Test
  void aPreviewNamesTheMissingVariableAndKeepsWhatWasTyped() {
    ConsoleClient browser = signedIn("console-tpl-missing");
    follow(browser, browser.post("/console/templates", Map.of("key", "ct-missing")));
    follow(browser, browser.post("/console/templates/ct-missing/versions", englishEmail()));

    HttpResponse<String> missing = browser.post("/console/templates/ct-missing/versions/1/preview",
        Map.of("channel", "EMAIL", "variables", "{\"name\": \"Minji\"}"));
    HttpResponse<String> notJson = browser.post("/console/templates/ct-missing/versions/1/preview/live",
        Map.of("variables", "{\"name\": "));

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(text(missing)).contains("missing variable 'order.id' in email.subject")
        .contains("<p class=\"field-error\" id=\"variables-error\"")
        .contains("{\"name\": \"Minji\"}");
    assertThat(missing.body()).contains("aria-describedby=\"variables-hint variables-error\"");
    assertThat(notJson.statusCode()).isEqualTo(200);
    assertThat(notJson.body()).startsWith("<div id=\"preview-result\"").contains("Sample variables: is not valid JSON");
  }

  @Test
  void aVersionMustacheCannotRenderIsShownInThePreviewNotAsAnError() {
    ConsoleClient browser = signedIn("console-tpl-dots");
    follow(browser, browser.post("/console/templates", Map.of("key", "ct-dots")));
    follow(browser, browser.post("/console/templates/ct-dots/versions", Map.of("defaults.email.subject", "Hi {{name}}",
        "defaults.email.html", "<p>{{#name}}Welcome back, {{..}}{{/name}}</p>")));
    Map<String, String> asked = Map.of("channel", "EMAIL", "variables", "{\"name\": \"Ada\"}");

    HttpResponse<String> page = browser.post("/console/templates/ct-dots/versions/1/preview", asked);
    HttpResponse<String> live = browser.post("/console/templates/ct-dots/versions/1/preview/live", asked);
    HttpResponse<String> frame = browser.get("/console/templates/ct-dots/versions/1/preview/email?variables="
        + URLEncoder.encode("{\"name\": \"Ada\"}", StandardCharsets.UTF_8));

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(text(page)).contains("email.html: Mustache cannot render it").contains("{\"name\": \"Ada\"}");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(text(live)).startsWith("<div id=\"preview-result\"").contains("email.html: Mustache cannot render it");
    assertThat(frame.statusCode()).isEqualTo(400);
    assertThat(text(frame)).startsWith("<p>Nothing to show: email.html").contains("Mustache cannot render it");
  }

  @Test
  void aNewVersionIsSavedFromTheLastAndPublishedAndTheApiShowsItPublished() {
    ConsoleClient browser = signedIn("console-tpl-publisher");
    follow(browser, browser.post("/console/templates", Map.of("key", "ct-publish")));
    follow(browser, browser.post("/console/templates/ct-publish/versions", englishEmail()));

    HttpResponse<String> editor = browser.get("/console/templates/ct-publish/versions/new");
    assertThat(editor.body()).contains("Starts from version 1.", "value=\"Order {{order.id}} shipped\"");
    Map<String, String> second = new LinkedHashMap<>(englishEmail());
    second.put("from", "1");
    second.put("defaults.email.subject", "Your order {{order.id}} is on its way");
    second.put("defaults.sms.body", "{{name}}: order {{order.id}} shipped");
    HttpResponse<String> saved = browser.post("/console/templates/ct-publish/versions", second);
    assertThat(location(saved)).endsWith("/console/templates/ct-publish/versions/2");
    follow(browser, saved);
    HttpResponse<String> published = browser.post("/console/templates/ct-publish/versions/2/publish", Map.of());

    assertThat(published.statusCode()).isEqualTo(302);
    assertThat(follow(browser, published).body()).contains("Version 2 is published");
    Map<String, Object> template = get("/api/v1/templates/ct-publish").getBody();
    assertThat(template).containsEntry("activeVersion", 2);
    assertThat((Map<String, Object>) template.get("active")).containsEntry("defaults", Map.of(
        "email", Map.of("subject", "Your order {{order.id}} is on its way", "html",
            "<p>Hi {{name}},\nyour order {{order.id}} shipped.</p>", "text", "Hi {{name}}"),
        "sms", Map.of("body", "{{name}}: order {{order.id}} shipped")));
    String page = browser.get("/console/templates/ct-publish/versions/2").body();
    assertThat(page).contains("<span class=\"badge status-completed\">published</span>",
        "Sends of this template use this version.").doesNotContain("Publish version 2");
    String list = browser.get("/console/templates").body();
    assertThat(list).contains("ct-publish", "version 2");
    assertThat(browser.get("/console/templates/ct-publish").body()).contains("Version 1", "draft", "Version 2", "published");
  }

  @Test
  void aVersionsCategoryIsSavedShownAndCarriedIntoTheNextVersion() {
    ConsoleClient browser = signedIn("console-tpl-category");
    follow(browser, browser.post("/console/templates", Map.of("key", "ct-category")));
    Map<String, String> first = new LinkedHashMap<>(englishEmail());
    first.put("settings.category", " marketing ");

    HttpResponse<String> saved = browser.post("/console/templates/ct-category/versions", first);

    assertThat(location(saved)).endsWith("/console/templates/ct-category/versions/1");
    assertThat(get("/api/v1/templates/ct-category/versions/1").getBody())
        .containsEntry("settings", Map.of("category", "marketing"));
    assertThat(follow(browser, saved).body()).contains("Category: marketing (opt-outs and frequency caps apply by it).");
    assertThat(browser.get("/console/templates/ct-category").body()).contains("data-label=\"Category\">marketing<");
    HttpResponse<String> editor = browser.get("/console/templates/ct-category/versions/new");
    assertThat(editor.body()).containsPattern("id=\"settings.category\"[^>]*value=\"marketing\"");

    Map<String, String> adding = new LinkedHashMap<>(englishEmail());
    adding.put("settings.category", "news");
    adding.put("action", "add-locale");
    adding.put("newLocale", "ko");
    assertThat(browser.post("/console/templates/ct-category/versions", adding).body())
        .as("adding a locale keeps the category typed").containsPattern("id=\"settings.category\"[^>]*value=\"news\"");
    Map<String, String> none = new LinkedHashMap<>(englishEmail());
    none.put("from", "1");
    none.put("settings.category", "");
    follow(browser, browser.post("/console/templates/ct-category/versions", none));
    assertThat(get("/api/v1/templates/ct-category/versions/2").getBody().get("settings")).isIn(null, Map.of());
    assertThat(browser.get("/console/templates/ct-category/versions/2").body()).contains("No category");
  }

  @Test
  void aVersionsDigestIsSavedCarriedIntoTheNextVersionAndAWrongWindowShownBesideItsField() {
    ConsoleClient browser = signedIn("console-tpl-digest");
    follow(browser, browser.post("/console/templates", Map.of("key", "ct-digest")));
    Map<String, String> wrong = new LinkedHashMap<>(englishEmail());
    wrong.put("settings.digest.window", "a while");

    HttpResponse<String> refused = browser.post("/console/templates/ct-digest/versions", wrong);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"settings.digest.window-error\"", "value=\"a while\"");
    Map<String, String> first = new LinkedHashMap<>(englishEmail());
    first.put("settings.digest.window", "10m");
    follow(browser, browser.post("/console/templates/ct-digest/versions", first));
    assertThat(get("/api/v1/templates/ct-digest/versions/1").getBody())
        .containsEntry("settings", Map.of("digest", Map.of("window", "10m")));
    assertThat(browser.get("/console/templates/ct-digest/versions/new").body())
        .containsPattern("id=\"settings.digest.window\"[^>]*value=\"10m\"");
  }

  @Test
  void aVersionsSwitchesAreSavedAndTickedWhenTheNextVersionStartsFromIt() {
    ConsoleClient browser = signedIn("console-tpl-switches");
    follow(browser, browser.post("/console/templates", Map.of("key", "ct-switches")));
    Map<String, String> first = new LinkedHashMap<>(englishEmail());
    first.put("settings.preferencesLink", "true");
    first.put("settings.highPriorityPassesQuietHours", "true");

    follow(browser, browser.post("/console/templates/ct-switches/versions", first));

    assertThat(get("/api/v1/templates/ct-switches/versions/1").getBody())
        .containsEntry("settings", Map.of("preferencesLink", true, "highPriorityPassesQuietHours", true));
    assertThat(browser.get("/console/templates/ct-switches/versions/new").body())
        .containsPattern("id=\"settings.preferencesLink\"[^>]*checked")
        .containsPattern("id=\"settings.highPriorityPassesQuietHours\"[^>]*checked");
    follow(browser, browser.post("/console/templates/ct-switches/versions", englishEmail()));
    assertThat(get("/api/v1/templates/ct-switches/versions/2").getBody().get("settings")).isIn(null, Map.of());
  }

  @Test
  void aCategoryOutsideTheNameRuleIsMarkedBesideItsFieldAndNothingIsSaved() {
    ConsoleClient browser = signedIn("console-tpl-bad-category");
    follow(browser, browser.post("/console/templates", Map.of("key", "ct-bad-category")));
    Map<String, String> form = new LinkedHashMap<>(englishEmail());
    form.put("settings.category", "Marketing News");

    HttpResponse<String> refused = browser.post("/console/templates/ct-bad-category/versions", form);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"settings.category-error\"", "value=\"Marketing News\"")
        .containsPattern("id=\"settings.category\"[^>]*aria-invalid=\"true\"");
    assertThat(text(refused)).contains("must be 1-64 characters of a-z");
    assertThat(get("/api/v1/templates/ct-bad-category").getBody()).containsEntry("versions", List.of());
  }

  @Test
  void invalidPartsAreMarkedBesideTheirFieldsAndNothingIsSaved() {
    ConsoleClient browser = signedIn("console-tpl-invalid");
    follow(browser, browser.post("/console/templates", Map.of("key", "ct-invalid")));

    HttpResponse<String> refused = browser.post("/console/templates/ct-invalid/versions", Map.of(
        "defaults.email.html", "<p>{{#open}} 안녕</p>", "defaults.push.data", "orderId={{order.id}}\nno equals sign",
        "locale", "ko", "locales.ko.sms.from", "+15550001111"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(text(refused)).contains("line 2 is not key=value").contains("<p>{{#open}} 안녕</p>");
    HttpResponse<String> mustache = browser.post("/console/templates/ct-invalid/versions", Map.of(
        "defaults.email.html", "<p>{{#open}} 안녕</p>", "locale", "ko", "locales.ko.sms.from", "+15550001111"));
    assertThat(mustache.statusCode()).isEqualTo(400);
    assertThat(mustache.body()).contains("id=\"defaults.email.subject\"", "id=\"defaults.email.subject-error\"",
        "aria-describedby=\"defaults.email.subject-error\"", "id=\"locales.ko.sms.body-error\"")
        .contains("Nothing was sent or saved");
    assertThat(text(mustache)).contains("is not a valid Mustache template").contains("<p>{{#open}} 안녕</p>")
        .contains("value=\"+15550001111\"");
    HttpResponse<String> empty = browser.post("/console/templates/ct-invalid/versions", Map.of());
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("id=\"defaults-error\"", "at least one channel part");
    assertThat(get("/api/v1/templates/ct-invalid").getBody()).containsEntry("versions", List.of());
  }

  @Test
  void aBadOrTakenKeyIsMarkedBesideTheKeyAndNothingIsCreated() {
    ConsoleClient browser = signedIn("console-tpl-keys");
    post("/api/v1/templates", "{\"key\":\"ct-taken\",\"owner\":\"someone-else\"}");
    browser.get("/console/templates");

    HttpResponse<String> bad = browser.post("/console/templates", Map.of("key", "Order Shipped", "description", "설명"));
    HttpResponse<String> taken = browser.post("/console/templates", Map.of("key", "ct-taken"));

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("id=\"key-error\"", "aria-invalid=\"true\"", "value=\"Order Shipped\"", "설명");
    assertThat(taken.statusCode()).isEqualTo(400);
    assertThat(text(taken)).contains("template 'ct-taken' exists already");
    assertThat(get("/api/v1/templates/ct-taken").getBody()).containsEntry("owner", "someone-else");
    assertThat(http().get().uri("/api/v1/templates").retrieve()
        .body(new ParameterizedTypeReference<List<Map<String, Object>>>() {}))
        .noneMatch(t -> "Order Shipped".equals(t.get("key")));
  }

  @Test
  void aSenderNeitherSeesNorChangesAnotherSendersTemplateButAnAdminDoes() {
    String owner = senderKey("console-tpl-owner");
    http(owner).post().uri("/api/v1/templates").contentType(MediaType.APPLICATION_JSON).body("{\"key\":\"ct-private\"}")
        .retrieve().toBodilessEntity();
    http(owner).post().uri("/api/v1/templates/ct-private/versions").contentType(MediaType.APPLICATION_JSON)
        .body("{\"defaults\":{\"sms\":{\"body\":\"hi {{name}}\"}}}").retrieve().toBodilessEntity();
    ConsoleClient other = signedIn("console-tpl-other");

    assertThat(other.get("/console/templates").body()).doesNotContain("ct-private");
    for (String path : List.of("/console/templates/ct-private", "/console/templates/ct-private/versions/new",
        "/console/templates/ct-private/versions/1", "/console/templates/ct-private/versions/1/preview/email?variables=%7B%7D")) {
      HttpResponse<String> page = other.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(404);
    }
    other.get("/console/templates");
    assertThat(other.post("/console/templates/ct-private/versions", Map.of("defaults.sms.body", "mine")).statusCode())
        .isEqualTo(404);
    assertThat(other.post("/console/templates/ct-private/versions/1/publish", Map.of()).statusCode()).isEqualTo(404);
    assertThat(other.post("/console/templates/ct-private/versions/1/preview", Map.of("variables", "{}")).statusCode())
        .isEqualTo(404);
    Map<String, Object> unchanged = get("/api/v1/templates/ct-private").getBody();
    assertThat(unchanged.get("activeVersion")).isNull();
    assertThat((List<?>) unchanged.get("versions")).hasSize(1);

    ConsoleClient admin = new ConsoleClient(port);
    admin.signIn(ADMIN_KEY);
    assertThat(admin.get("/console/templates").body()).contains("ct-private", "console-tpl-owner");
    assertThat(admin.get("/console/templates?owner=console-tpl-other").body()).doesNotContain("ct-private");
    assertThat(admin.get("/console/templates/ct-private/versions/1").statusCode()).isEqualTo(200);
  }

  @Test
  void aBrowserNotSignedInIsSentToSignIn() {
    ConsoleClient browser = new ConsoleClient(port);
    for (String path : List.of("/console/templates", "/console/templates/ct-any", "/console/templates/ct-any/versions/1",
        "/console/templates/ct-any/versions/1/preview/email")) {
      HttpResponse<String> answer = browser.get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(302);
      assertThat(location(answer)).as(path).contains("/console/sign-in?next=");
    }
  }

  private ConsoleClient signedIn(String sender) {
    ConsoleClient browser = new ConsoleClient(port);
    browser.signIn(senderKey(sender));
    browser.get("/console/templates");
    return browser;
  }

  private static Map<String, String> englishEmail() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("defaults.email.subject", "Order {{order.id}} shipped");
    form.put("defaults.email.html", "<p>Hi {{name}},\r\nyour order {{order.id}} shipped.</p>");
    form.put("defaults.email.text", "Hi {{name}}");
    return form;
  }

  /** Where a browser goes after a form's redirect: the page it shows next. */
  private static HttpResponse<String> follow(ConsoleClient browser, HttpResponse<String> redirect) {
    assertThat(redirect.statusCode()).isEqualTo(302);
    String location = location(redirect);
    return browser.get(location.substring(location.indexOf("/console")));
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  /** The page's text with HTML's character references read, as a browser shows it. */
  private static String text(HttpResponse<String> response) {
    return HtmlUtils.htmlUnescape(response.body());
  }
}
