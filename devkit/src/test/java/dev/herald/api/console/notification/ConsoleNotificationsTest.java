package dev.herald.api.console.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import dev.herald.api.console.ConsoleClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The console's notification pages, with notifications sent over the API by sender keys. */
abstract class ConsoleNotificationsTest extends HeraldIntegrationTest {

  static final String PAGES = "/console/notifications";

  /** A browser signed in with this key. */
  ConsoleClient signedIn(String key) {
    ConsoleClient browser = new ConsoleClient(port);
    assertThat(browser.signIn(key).statusCode()).isEqualTo(302);
    return browser;
  }

  /** Sends {@code json} (without its idempotency key) with {@code key}; the notification's id (a repeat's too). */
  String send(String key, String idempotencyKey, String json) {
    var accepted = http(key).post().uri("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON)
        .header("Idempotency-Key", idempotencyKey).body(json).retrieve()
        .toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isIn(HttpStatus.ACCEPTED, HttpStatus.OK);
    return (String) accepted.getBody().get("id");
  }

  /** A call with {@code key} that must succeed (2xx). */
  void call(String key, String method, String path, String json) {
    var answer = http(key).method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
        .contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(String.class);
    assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s %s: %s", method, path, answer.getBody()).isTrue();
  }

  /** An email of inline content to {@code addresses}. */
  static String email(String priority, String... addresses) {
    return "{\"channels\":[\"EMAIL\"],\"priority\":\"" + priority + "\",\"subject\":\"Hello\",\"body\":\"Hi\","
        + "\"recipients\":[" + String.join(",", java.util.Arrays.stream(addresses)
            .map(a -> "{\"email\":\"" + a + "\"}").toList()) + "]}";
  }

  /** A day from the test run's start, one instant for every repeat of a request: a notification sent then waits, SCHEDULED. */
  private static final String TOMORROW = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

  static String tomorrow() {
    return TOMORROW;
  }

  /** Whether a page lists the notification with this idempotency key (its link's text). */
  static boolean lists(String page, String idempotencyKey) {
    return page.contains(">" + idempotencyKey + "</a>");
  }
}
