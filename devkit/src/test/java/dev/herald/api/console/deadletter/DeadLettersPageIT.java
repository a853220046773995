package dev.herald.api.console.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import dev.herald.api.console.ConsoleClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's dead-letter list filters by time, in the viewer's zone, and shows a wrong time beside its field. */
class DeadLettersPageIT extends HeraldIntegrationTest {

  private static final String PAGE = "/console/dead-letters";
  private static final String KEY = "console-dl-time";
  private static final String ZONE = "Asia/Seoul";
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private String row;

  @BeforeEach
  void aDeadLetterOfAnEmailRefusedWith550() {
    row = "id=\"pick-" + deadLetter(KEY) + "\"";
  }

  @Test
  void sinceAndUntilAreTheViewersTimesInItsZone() {
    ConsoleClient admin = signedIn();
    String anHourAgo = inSeoul(-1);
    String inAnHour = inSeoul(1);

    // read as UTC, an hour ago in Seoul would be hours ahead, and would list nothing
    assertThat(listed(admin, "?status=&since=" + anHourAgo + "&zone=" + ZONE)).contains(row);
    assertThat(listed(admin, "?status=&since=" + anHourAgo + "&until=" + inAnHour + "&zone=" + ZONE)).contains(row);
    assertThat(listed(admin, "?status=&since=" + inAnHour + "&zone=" + ZONE)).doesNotContain(row);
    assertThat(listed(admin, "?status=&until=" + anHourAgo + "&zone=" + ZONE)).doesNotContain(row)
        .contains("value=\"" + anHourAgo + "\"", "(" + ZONE + ")");
  }

  @Test
  void aWrongTimeIsShownBesideItsFieldAsTypedAndListsNothing() {
    ConsoleClient admin = signedIn();

    HttpResponse<String> bad = admin.get(PAGE + "?since=yesterday");
    HttpResponse<String> backwards = admin.get(PAGE + "?since=2026-03-02T10:00&until=2026-03-01T10:00");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("id=\"since-error\"", "aria-invalid=\"true\"", "value=\"yesterday\"")
        .doesNotContain(row);
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body()).contains("id=\"until-error\"", "must be after since");
  }

  @Test
  void reDrivingAllTheFilterTakesKeepsItsTimes() {
    ConsoleClient admin = signedIn();
    admin.get(PAGE);
    String inAnHour = inSeoul(1);

    HttpResponse<String> none = admin.post(PAGE + "/redrive-all", Map.of("sender", ADMIN_SENDER,
        "since", inAnHour, "zone", ZONE));

    assertThat(none.statusCode()).isEqualTo(302);
    URI back = URI.create(none.headers().firstValue("Location").orElseThrow());
    assertThat(back.getRawQuery()).contains("since=" + inAnHour.replace(":", "%3A"), "zone=Asia%2FSeoul");
    assertThat(admin.get(back.getRawPath() + "?" + back.getRawQuery()).body()).contains("Re-driving 0 dead letters.");
    assertThat(listed(admin, "?status=OPEN&sender=" + ADMIN_SENDER)).contains(row);
  }

  @Test
  void noStatusListsOpenOnesAndAnyListsADiscardedOneToo() {
    long discarded = deadLetter(KEY + "-discarded");
    post("/api/v1/dead-letters/" + discarded + "/discard", "");
    ConsoleClient admin = signedIn();
    String marker = "href=\"/console/dead-letters/" + discarded + "\"";

    assertThat(listed(admin, "?sender=" + ADMIN_SENDER)).doesNotContain(marker).contains(row);
    assertThat(listed(admin, "?status=&sender=" + ADMIN_SENDER)).contains(marker, row);
  }

  /** The id of the dead letter of an email with this idempotency key, refused with 550 (once per key). */
  @SuppressWarnings("unchecked")
  private long deadLetter(String key) {
    post("/api/v1/dev/simulators/smtp/faults", "{\"errorCode\":\"550\",\"rate\":1.0}");
    try {
      post("/api/v1/notifications", emailRequest(key, "Refused", key + "@example.com"));
      awaitStatus(notificationId(key), "FAILED");
    } finally {
      http().delete().uri("/api/v1/dev/simulators/smtp/faults").retrieve().toBodilessEntity();
    }
    var letters = (List<Map<String, Object>>) get("/api/v1/dead-letters?status=&sender=" + ADMIN_SENDER + "&size=100")
        .getBody().get("items");
    return ((Number) letters.stream().filter(l -> notificationId(key).equals(l.get("notificationId"))).findFirst()
        .orElseThrow().get("id")).longValue();
  }

  private ConsoleClient signedIn() {
    ConsoleClient browser = new ConsoleClient(port);
    assertThat(browser.signIn(ADMIN_KEY).statusCode()).isEqualTo(302);
    return browser;
  }

  private static String listed(ConsoleClient browser, String query) {
    HttpResponse<String> page = browser.get(PAGE + query);
    assertThat(page.statusCode()).as(query).isEqualTo(200);
    return page.body();
  }

  private static String inSeoul(int hours) {
    return LocalDateTime.now(ZoneId.of(ZONE)).plusHours(hours).format(LOCAL);
  }
}
