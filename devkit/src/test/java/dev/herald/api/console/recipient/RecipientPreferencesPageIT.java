package dev.herald.api.console.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.activities.preference.PreferenceRule;
import dev.herald.activities.preference.PreferenceStore;
import dev.herald.activities.preference.QuietHoursSetting;
import dev.herald.activities.preference.Scope;
import dev.herald.api.HeraldIntegrationTest;
import dev.herald.api.console.ConsoleClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * A recipient's preferences on its console page: opting it out of everything, a channel, a category or
 * a category on a channel, opting it in inside a wider opt-out, removing a rule; a wrong category beside
 * its field; another sender's recipient not found; the next send skipped, with its reason on the
 * notification's page.
 */
class RecipientPreferencesPageIT extends HeraldIntegrationTest {

  @Autowired PreferenceStore preferences;

  @Test
  void aSenderOptsARecipientOutOfEachKindOfScopeAndBackIn() {
    String key = senderKey("con-pref");
    put(key, "cp-ada");
    ConsoleClient browser = signedIn(key);
    assertThat(browser.get(edit("cp-ada")).body()).contains("Preferences", "No choices yet");

    HttpResponse<String> channel = browser.post(preferences("cp-ada"), Map.of("category", "", "channel", "EMAIL",
        "choice", "out"));
    assertThat(channel.statusCode()).isEqualTo(302);
    assertThat(location(channel)).endsWith(edit("cp-ada") + "#preferences");
    assertThat(follow(browser, channel)).contains("Opted cp-ada out of every EMAIL message.");
    follow(browser, browser.post(preferences("cp-ada"), Map.of("category", "marketing", "channel", "", "choice", "out")));
    follow(browser, browser.post(preferences("cp-ada"), Map.of("category", "news", "channel", "SMS", "choice", "out")));
    follow(browser, browser.post(preferences("cp-ada"), Map.of("category", "receipts", "channel", "EMAIL",
        "choice", "in")));
    String page = follow(browser, browser.post(preferences("cp-ada"), Map.of("category", "", "channel", "",
        "choice", "out")));

    assertThat(rules("con-pref", "cp-ada")).containsExactlyInAnyOrder("all out console", "channel=email out console",
        "category=marketing out console", "category=news,channel=sms out console",
        "category=receipts,channel=email in console");
    assertThat(page).contains("Opted cp-ada out of everything.", "every EMAIL message", "marketing on every channel",
        "news on SMS", "receipts on EMAIL", "category=news,channel=sms", "Opted in", "Opt back in")
        .doesNotContain("No choices yet");

    HttpResponse<String> removed = browser.post(remove("cp-ada"), Map.of("category", "", "channel", "EMAIL"));

    assertThat(removed.statusCode()).isEqualTo(302);
    assertThat(rules("con-pref", "cp-ada")).doesNotContain("channel=email out console").hasSize(4);
    assertThat(follow(browser, removed)).contains("Removed the rule for every EMAIL message");
    assertThat(follow(browser, browser.post(remove("cp-ada"), Map.of("category", "", "channel", "EMAIL"))))
        .contains("nothing was changed");
  }

  @Test
  void aWrongCategoryOrChannelIsShownBesideItsFieldAndNothingIsSaved() {
    String key = senderKey("con-pref-bad");
    put(key, "cpb-1");
    ConsoleClient browser = signedIn(key);
    browser.get(edit("cpb-1"));

    HttpResponse<String> refused = browser.post(preferences("cpb-1"), Map.of("category", "Marketing!",
        "channel", "FAX", "choice", "out"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"category-error\"", "id=\"channel-error\"", "value=\"Marketing!\"",
        "must be 1-64 characters of a-z").containsPattern("id=\"category\"[^>]*aria-invalid=\"true\"");
    assertThat(preferences.rules("con-pref-bad", "cpb-1")).isEmpty();
    assertThat(browser.postRaw(preferences("cpb-1"), Map.of("channel", "EMAIL")).statusCode())
        .as("a post without the form's CSRF token").isEqualTo(403);
    assertThat(preferences.rules("con-pref-bad", "cpb-1")).isEmpty();
  }

  @Test
  void anotherSendersRecipientIsNotFoundAndAnAdminNamesTheOwner() {
    String owner = senderKey("con-pref-owner");
    put(owner, "cpo-1");
    ConsoleClient other = signedIn(senderKey("con-pref-other"));
    other.get("/console/recipients");

    assertThat(other.post(preferences("cpo-1"), Map.of("channel", "EMAIL", "choice", "out")).statusCode())
        .isEqualTo(404);
    assertThat(other.post(remove("cpo-1"), Map.of("channel", "EMAIL")).statusCode()).isEqualTo(404);
    assertThat(preferences.rules("con-pref-owner", "cpo-1")).isEmpty();

    ConsoleClient admin = new ConsoleClient(port);
    admin.signIn(ADMIN_KEY);
    admin.get("/console/recipients?owner=con-pref-owner");
    HttpResponse<String> set = admin.post(preferences("cpo-1") + "&owner=con-pref-owner",
        Map.of("channel", "SMS", "choice", "out"));
    assertThat(location(set)).contains("owner=con-pref-owner");
    assertThat(rules("con-pref-owner", "cpo-1")).containsExactly("channel=sms out console");
  }

  @Test
  void theNextEmailToARecipientOptedOutOfEmailIsSkippedAndItsPageSaysWhy() {
    String key = senderKey("con-pref-send");
    put(key, "cps-1");
    ConsoleClient browser = signedIn(key);
    browser.get(edit("cps-1"));
    browser.post(preferences("cps-1"), Map.of("channel", "EMAIL", "choice", "out"));

    var accepted = http(key).post().uri("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON)
        .header("Idempotency-Key", "cps-skipped").body("{\"channels\":[\"EMAIL\"],\"subject\":\"Hi\",\"body\":\"Hi\","
            + "\"category\":\"news\",\"recipients\":[{\"id\":\"cps-1\"}]}")
        .retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String id = (String) accepted.getBody().get("id");
    awaitStatus(id, "COMPLETED");

    String page = HtmlUtils.htmlUnescape(browser.get("/console/notifications/" + id).body());
    assertThat(page).contains("id=\"category\">news<", "Why deliveries were skipped",
        "the recipient opted out of every EMAIL message (console)", "opted-out:channel=email", "SKIPPED",
        "0 sent (0 confirmed delivered), 0 failed, 1 skipped");
    assertThat(mailsTo("cps-1@example.com")).isEmpty();
  }

  @Test
  void quietHoursAreSetShownRefusedBesideTheirFieldsAndRemoved() {
    String key = senderKey("con-pref-quiet");
    put(key, "cpq-1");
    ConsoleClient browser = signedIn(key);
    assertThat(browser.get(edit("cpq-1")).body()).contains("Quiet hours", "None: notifications may go out at any hour");

    HttpResponse<String> refused = browser.post(quiet("cpq-1"), Map.of("quietHours.start", "25:00",
        "quietHours.end", "", "quietHours.timeZone", "Mars/Olympus"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"quietHours.start-error\"", "id=\"quietHours.end-error\"",
        "id=\"quietHours.timeZone-error\"", "value=\"Mars/Olympus\"");
    assertThat(preferences.quietHours("con-pref-quiet", "cpq-1")).isEmpty();

    String page = follow(browser, browser.post(quiet("cpq-1"), Map.of("quietHours.start", "22:00",
        "quietHours.end", "07:30", "quietHours.timeZone", "America/St_Johns")));
    assertThat(page).contains("Quiet hours for cpq-1: 22:00 to 07:30 in America/St_Johns.")
        .containsPattern("id=\"quietHours.start\"[^>]*value=\"22:00\"");
    assertThat(preferences.quietHours("con-pref-quiet", "cpq-1")).contains(new QuietHoursSetting(
        java.time.LocalTime.of(22, 0), java.time.LocalTime.of(7, 30), "America/St_Johns"));

    assertThat(follow(browser, browser.post(quiet("cpq-1"), Map.of("action", "remove"))))
        .contains("Removed cpq-1's quiet hours");
    assertThat(preferences.quietHours("con-pref-quiet", "cpq-1")).isEmpty();
  }

  private ConsoleClient signedIn(String key) {
    ConsoleClient browser = new ConsoleClient(port);
    assertThat(browser.signIn(key).statusCode()).isEqualTo(302);
    return browser;
  }

  private void put(String key, String id) {
    http(key).put().uri("/api/v1/recipients/{id}", id).contentType(MediaType.APPLICATION_JSON)
        .body("{\"email\":\"" + id + "@example.com\"}").retrieve().toBodilessEntity();
  }

  /** The recipient's rules as "<scope label> out|in <source>". */
  private List<String> rules(String owner, String id) {
    return preferences.rules(owner, id).stream().map(RecipientPreferencesPageIT::describe).toList();
  }

  private static String describe(PreferenceRule rule) {
    Scope scope = rule.scope();
    return scope.label() + (rule.optedOut() ? " out " : " in ") + rule.source();
  }

  private static String edit(String id) {
    return "/console/recipients/edit?id=" + id;
  }

  private static String preferences(String id) {
    return "/console/recipients/preferences?id=" + id;
  }

  private static String quiet(String id) {
    return "/console/recipients/quiet-hours?id=" + id;
  }

  private static String remove(String id) {
    return "/console/recipients/preferences/remove?id=" + id;
  }

  /** The page a browser shows after a form's redirect, as it reads (character references read). */
  private static String follow(ConsoleClient browser, HttpResponse<String> redirect) {
    assertThat(redirect.statusCode()).isEqualTo(302);
    return HtmlUtils.htmlUnescape(browser.get(location(redirect).replaceAll("#.*$", "")).body());
  }

  private static String location(HttpResponse<String> response) {
    String location = response.headers().firstValue("Location").orElse("");
    return location.substring(location.indexOf("/console"));
  }
}
