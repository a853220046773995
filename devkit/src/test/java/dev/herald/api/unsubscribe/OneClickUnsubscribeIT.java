package dev.herald.api.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.herald.activities.preference.PreferenceRule;
import dev.herald.activities.preference.PreferenceStore;
import dev.herald.activities.preference.Scope;
import dev.herald.activities.preference.links.LinkTokens;
import dev.herald.activities.preference.links.PreferenceLink;
import dev.herald.activities.signing.SigningKeys;
import dev.herald.api.HeraldIntegrationTest;
import dev.herald.workflows.messages.Channel;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * RFC 8058 end to end: an email sent through the API carries List-Unsubscribe and List-Unsubscribe-Post;
 * a POST of {@code List-Unsubscribe=One-Click} on its link, as a mail provider sends it, without any
 * credential, makes the next send to that recipient SKIPPED; the page shows and saves choices; a link
 * changed by one character or signed by another key is refused.
 */
class OneClickUnsubscribeIT extends HeraldIntegrationTest {

  static final String ONE_CLICK = "List-Unsubscribe=One-Click";

  @Autowired PreferenceStore preferences;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void aOneClickPostOnTheLinkOfAnEmailSkipsTheRecipientsNextSendOfThatCategory() throws Exception {
    http().put().uri("/api/v1/recipients/unsub-ada").contentType(MediaType.APPLICATION_JSON)
        .body("{\"email\":\"unsub-ada@it.example\"}").retrieve().toBodilessEntity();
    send("unsub-ada-1", "{\"id\":\"unsub-ada\"}", "marketing");
    MimeMessage mail = awaitMail("unsub-ada@it.example");
    String url = listUnsubscribeUrl(mail);

    assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly(ONE_CLICK);
    assertThat(url).startsWith("http://localhost:" + port + "/unsubscribe/");
    HttpResponse<String> first = postForm(url, ONE_CLICK);
    HttpResponse<String> again = postMultipart(url);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("You are unsubscribed from", "marketing emails from admin");
    assertThat(again.statusCode()).as("idempotent, and as multipart/form-data (RFC 8058's first choice)").isEqualTo(200);
    assertThat(preferences.rules(ADMIN_SENDER, "unsub-ada")).extracting(PreferenceRule::scope, PreferenceRule::optedOut,
        PreferenceRule::source).containsExactly(tuple(
            new Scope("marketing", Channel.EMAIL), true, "one-click"));

    send("unsub-ada-2", "{\"id\":\"unsub-ada\"}", "marketing");
    send("unsub-ada-3", "{\"id\":\"unsub-ada\"}", "receipts");
    awaitStatus(notificationId("unsub-ada-2"), "COMPLETED");
    awaitStatus(notificationId("unsub-ada-3"), "COMPLETED");

    assertThat(onlyDelivery("unsub-ada-2")).containsEntry("status", "SKIPPED")
        .containsEntry("errorCode", "opted-out:category=marketing,channel=email");
    assertThat(onlyDelivery("unsub-ada-3")).as("another category still goes").containsEntry("status", "SENT");
  }

  @Test
  void aOneClickPostOnTheLinkOfABareAddressSuppressesTheAddressForThatCategory() throws Exception {
    send("unsub-bare-1", "{\"email\":\"unsub-bare@it.example\"}", "digest");
    String url = listUnsubscribeUrl(awaitMail("unsub-bare@it.example"));

    assertThat(postForm(url, ONE_CLICK).statusCode()).isEqualTo(200);
    send("unsub-bare-2", "{\"email\":\"unsub-bare@it.example\"}", "digest");
    awaitStatus(notificationId("unsub-bare-2"), "COMPLETED");

    assertThat(onlyDelivery("unsub-bare-2")).containsEntry("status", "SKIPPED")
        .containsEntry("errorCode", "opted-out:address,category=digest");
  }

  @Test
  void aLinkChangedByOneCharacterOrSignedByAnotherKeyIsRefusedWithoutSayingWhy() throws Exception {
    send("unsub-tamper-1", "{\"email\":\"unsub-tamper@it.example\"}", "news");
    String url = listUnsubscribeUrl(awaitMail("unsub-tamper@it.example"));
    String token = url.substring(url.lastIndexOf('/') + 1);
    int middle = token.indexOf('.') + 3;
    String tampered = url.substring(0, url.lastIndexOf('/') + 1) + token.substring(0, middle)
        + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1);
    String keyId = token.substring(0, token.indexOf('.'));
    String foreignKey = Base64.getEncoder().encodeToString("another-herald-s-link-key-32-byte".getBytes());
    String foreign = url.substring(0, url.lastIndexOf('/') + 1)
        + new LinkTokens(SigningKeys.parse("test", keyId + ":" + foreignKey), Clock.systemUTC())
            .mint(new PreferenceLink(ADMIN_SENDER, Channel.EMAIL, null, "unsub-tamper@it.example", "news", null));

    for (String refused : List.of(tampered, foreign)) {
      HttpResponse<String> posted = postForm(refused, ONE_CLICK);
      HttpResponse<String> page = open(refused);
      assertThat(posted.statusCode()).as(refused).isEqualTo(404);
      assertThat(page.statusCode()).isEqualTo(404);
      assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(page.body()).contains("This link is not valid");
    }
    send("unsub-tamper-2", "{\"email\":\"unsub-tamper@it.example\"}", "news");
    awaitStatus(notificationId("unsub-tamper-2"), "COMPLETED");
    assertThat(onlyDelivery("unsub-tamper-2")).as("nothing was unsubscribed").containsEntry("status", "SENT");
  }

  @Test
  void thePageSaysWhatTheLinkStopsUnderAStrictPolicyAndSavesTheRecipientsChoices() throws Exception {
    http().put().uri("/api/v1/recipients/unsub-page").contentType(MediaType.APPLICATION_JSON)
        .body("{\"email\":\"unsub-page@it.example\"}").retrieve().toBodilessEntity();
    send("unsub-page-1", "{\"id\":\"unsub-page\"}", "offers");
    String url = listUnsubscribeUrl(awaitMail("unsub-page@it.example"));

    HttpResponse<String> page = open(url);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'none'", "form-action 'self'", "frame-ancestors 'none'").doesNotContain("script-src");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(page.body()).contains("offers emails from admin", "name=\"List-Unsubscribe\" value=\"One-Click\"",
        "value=\"*:EMAIL\"", "value=\"offers:EMAIL\"").doesNotContain("<script");

    HttpResponse<String> saved = postForm(url + "/preferences", "shown=*:EMAIL&shown=offers:EMAIL&stop=*:EMAIL");

    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body()).contains("Your choices are saved");
    assertThat(preferences.rules(ADMIN_SENDER, "unsub-page")).extracting(PreferenceRule::scope, PreferenceRule::optedOut,
        PreferenceRule::source).containsExactly(tuple(
            new Scope(null, Channel.EMAIL), true, "unsubscribe-page"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void anInAppItemCarriesTheLinkWhereItsTemplateAsksAndItsPageOffersInAppAndEmail() throws Exception {
    http().post().uri("/api/v1/templates").contentType(MediaType.APPLICATION_JSON).body("{\"key\":\"unsub-deals\"}")
        .retrieve().toBodilessEntity();
    http().post().uri("/api/v1/templates/unsub-deals/versions").contentType(MediaType.APPLICATION_JSON)
        .body("{\"defaults\":{\"inApp\":{\"title\":\"Sale\",\"body\":\"Half price\"}},"
            + "\"settings\":{\"category\":\"deals\",\"preferencesLink\":true}}")
        .retrieve().toBodilessEntity();
    http().post().uri("/api/v1/templates/unsub-deals/versions/1/publish").retrieve().toBodilessEntity();
    var sent = post("/api/v1/notifications", "{\"channels\":[\"IN_APP\"],\"recipients\":[{\"id\":\"unsub-inbox\"}],"
        + "\"template\":\"unsub-deals\"}", "unsub-inbox-1");
    assertThat(sent.getStatusCode().value()).as(String.valueOf(sent.getBody())).isEqualTo(202);
    awaitStatus(notificationId("unsub-inbox-1"), "COMPLETED");

    var items = (List<Map<String, Object>>) get("/api/v1/inbox?recipientId=unsub-inbox").getBody().get("items");
    String url = (String) items.get(0).get("preferencesUrl");
    HttpResponse<String> page = open(url);

    assertThat(url).startsWith("http://localhost:" + port + "/unsubscribe/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("deals in-app messages from admin", "value=\"deals:IN_APP\"", "value=\"deals:EMAIL\"");
  }

  private void send(String key, String recipient, String category) {
    var answer = post("/api/v1/notifications", "{\"channels\":[\"EMAIL\"],\"recipients\":[" + recipient + "],"
        + "\"subject\":\"News\",\"body\":\"Hello\",\"category\":\"" + category + "\"}", key);
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(202);
  }

  private MimeMessage awaitMail(String address) {
    await().atMost(DELIVERY_WAIT).until(() -> !mailsTo(address).isEmpty());
    return mailsTo(address).get(0);
  }

  private static String listUnsubscribeUrl(MimeMessage mail) throws Exception {
    String header = MimeUtility.unfold(mail.getHeader("List-Unsubscribe", ","));
    assertThat(header).matches("<http[^>]+>");
    return header.substring(1, header.length() - 1);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> onlyDelivery(String key) {
    var deliveries = (List<Map<String, Object>>) get("/api/v1/notifications/" + notificationId(key)).getBody()
        .get("deliveries");
    assertThat(deliveries).hasSize(1);
    return deliveries.get(0);
  }

  /** As a mail provider posts: form-encoded, no credential, no cookie. */
  private HttpResponse<String> postForm(String url, String form) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postMultipart(String url) throws Exception {
    String body = "--b1\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--b1--\r\n";
    return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "multipart/form-data; boundary=b1")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> open(String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
