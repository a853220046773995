package dev.herald.api.console.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.console.ConsoleClient;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The history page: its filters narrow the list, it pages, and a sender sees its own notifications only. */
class NotificationHistoryPageIT extends ConsoleNotificationsTest {

  private static final String SENDER = "hist-a";
  private static final String TEMPLATE = "console-hist-tpl";
  private static final List<String> ALL = List.of("hist-a-high", "hist-a-low", "hist-a-tpl", "hist-a-later");
  private static final Pattern ROW_LINK = Pattern.compile(">page-\\d+</a>");

  @BeforeEach
  void notificationsOfSenderA() {
    String key = senderKey(SENDER);
    if (http(key).get().uri("/api/v1/templates/" + TEMPLATE).retrieve().toBodilessEntity().getStatusCode()
        == HttpStatus.NOT_FOUND) {
      call(key, "POST", "/api/v1/templates", "{\"key\":\"" + TEMPLATE + "\",\"description\":\"history\"}");
      call(key, "POST", "/api/v1/templates/" + TEMPLATE + "/versions",
          "{\"defaults\":{\"email\":{\"subject\":\"Hi {{recipient.name}}\",\"text\":\"Hello\"}}}");
      call(key, "POST", "/api/v1/templates/" + TEMPLATE + "/versions/1/publish", "");
    }
    call(key, "PUT", "/api/v1/recipients/hist-user-7", "{\"name\":\"Seven\",\"email\":\"hist-user-7@hist.it.example\"}");
    String high = send(key, "hist-a-high", email("HIGH", "hist-a-high@hist.it.example"));
    String low = send(key, "hist-a-low", email("LOW", "hist-a-low@hist.it.example"));
    String templated = send(key, "hist-a-tpl", "{\"channels\":[\"EMAIL\"],\"template\":\"" + TEMPLATE + "\","
        + "\"recipients\":[{\"id\":\"hist-user-7\"}]}");
    String later = send(key, "hist-a-later", "{\"channels\":[\"SMS\"],\"subject\":\"Later\",\"body\":\"Soon\","
        + "\"recipients\":[{\"phone\":\"+14155550177\"}],\"sendAt\":\"" + tomorrow() + "\"}");
    for (String id : List.of(high, low, templated)) {
      awaitStatus(id, "COMPLETED");
    }
    awaitStatus(later, "SCHEDULED");
  }

  @Test
  void eachFilterNarrowsTheList() {
    ConsoleClient browser = signedIn(senderKey(SENDER));

    assertListed(browser, "", ALL);
    assertListed(browser, "?status=COMPLETED", List.of("hist-a-high", "hist-a-low", "hist-a-tpl"));
    assertListed(browser, "?status=SCHEDULED", List.of("hist-a-later"));
    assertListed(browser, "?channel=SMS", List.of("hist-a-later"));
    assertListed(browser, "?priority=HIGH", List.of("hist-a-high"));
    assertListed(browser, "?template=" + TEMPLATE, List.of("hist-a-tpl"));
    assertListed(browser, "?recipient=hist-user-7", List.of("hist-a-tpl"));
    assertListed(browser, "?recipient=hist-a-low%40hist.it.example", List.of("hist-a-low"));
    assertListed(browser, "?recipient=%2B14155550177&status=SCHEDULED&channel=SMS&priority=NORMAL",
        List.of("hist-a-later"));
    assertListed(browser, "?recipient=nobody%40hist.it.example", List.of());
  }

  @Test
  void timesAreTheViewersInItsZone() {
    ConsoleClient browser = signedIn(senderKey(SENDER));
    String zone = "Asia/Seoul";
    DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    String anHourAgo = LocalDateTime.now(ZoneId.of(zone)).minusHours(1).format(local);
    String inAnHour = LocalDateTime.now(ZoneId.of(zone)).plusHours(1).format(local);

    // read as UTC, an hour ago in Seoul would be hours ahead, and would list nothing
    assertListed(browser, "?since=" + anHourAgo + "&zone=" + zone, ALL);
    assertListed(browser, "?since=" + anHourAgo + "&until=" + inAnHour + "&zone=" + zone, ALL);
    assertListed(browser, "?since=" + inAnHour + "&zone=" + zone, List.of());
    assertListed(browser, "?until=" + anHourAgo + "&zone=" + zone, List.of());
  }

  @Test
  void theListComesInPagesOfTwentyThatKeepTheFilters() {
    String key = senderKey("hist-pages");
    for (int i = 0; i <= 20; i++) {
      send(key, "page-%02d".formatted(i), email("NORMAL", "page-" + i + "@hist.it.example")
          .replace("}]}", "}],\"sendAt\":\"" + tomorrow() + "\"}"));
    }
    ConsoleClient browser = signedIn(key);
    await().atMost(DELIVERY_WAIT).until(() -> browser.get(PAGES + "?status=SCHEDULED&page=1").body().contains(">page-00</a>"));

    String first = browser.get(PAGES + "?status=SCHEDULED").body();
    String second = browser.get(PAGES + "?status=SCHEDULED&page=1").body();

    assertThat(ROW_LINK.matcher(first).results().count()).isEqualTo(20);
    assertThat(first).contains(">page-20</a>").doesNotContain(">page-00</a>")
        .contains("href=\"/console/notifications?status=SCHEDULED&amp;page=1\"");
    assertThat(ROW_LINK.matcher(second).results().count()).isEqualTo(1);
    assertThat(second).contains("href=\"/console/notifications?status=SCHEDULED&amp;page=0\"").doesNotContain("rel=\"next\"");
  }

  @Test
  void aSenderSeesNoneOfAnotherSendersNotificationsAndAnAdminSeesThemAll() {
    ConsoleClient other = signedIn(senderKey("hist-b"));
    String own = other.get(PAGES).body();
    String named = other.get(PAGES + "?sender=" + SENDER).body();
    ConsoleClient admin = signedIn(ADMIN_KEY);

    assertThat(ALL).noneMatch(key -> lists(own, key));
    assertThat(own).doesNotContain("id=\"sender\"");
    assertThat(named).contains("No notifications match");
    assertListed(admin, "?sender=" + SENDER, ALL);
    assertThat(admin.get(PAGES + "?sender=hist-b").body()).contains("No notifications match");
    assertThat(admin.get(PAGES).body()).contains("id=\"sender\"");
  }

  @Test
  void invalidFiltersAreShownBesideTheirFieldsAsTyped() {
    ConsoleClient browser = signedIn(senderKey(SENDER));

    HttpResponse<String> bad = browser.get(PAGES + "?since=yesterday&status=NOPE&recipient=a%E2%80%A8b");
    HttpResponse<String> backwards = browser.get(PAGES + "?since=2026-03-02T10:00&until=2026-03-01T10:00");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("id=\"since-error\"", "id=\"status-error\"", "id=\"recipient-error\"",
        "aria-describedby=\"since-error time-zone-hint\"", "aria-invalid=\"true\"", "value=\"yesterday\"")
        .doesNotContain("Results");
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body()).contains("id=\"until-error\"", "must be after since", "value=\"2026-03-01T10:00\"");
  }

  @Test
  void aBrowserNotSignedInIsSentToSignIn() {
    HttpResponse<String> asked = new ConsoleClient(port).get(PAGES + "?status=COMPLETED");

    assertThat(asked.statusCode()).isEqualTo(302);
    assertThat(asked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/console/sign-in"));
  }

  private static void assertListed(ConsoleClient browser, String query, List<String> listed) {
    HttpResponse<String> page = browser.get(PAGES + query);
    assertThat(page.statusCode()).as(query).isEqualTo(200);
    for (String key : ALL) {
      assertThat(lists(page.body(), key)).as("%s lists %s", query, key).isEqualTo(listed.contains(key));
    }
  }
}
