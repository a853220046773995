package dev.herald.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.activities.preference.PreferenceStore;
import dev.herald.api.HeraldIntegrationTest;
import jakarta.mail.internet.MimeUtility;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The public unsubscribe page in a real browser (headless Chromium, scenarios/unsubscribe.cjs), opened
 * from the List-Unsubscribe link of a delivered email: fits a phone and a desktop without accessibility
 * violations, and its Unsubscribe button stores the reader's opt-out.
 */
class UnsubscribeBrowserIT extends HeraldIntegrationTest {

  @Autowired PreferenceStore preferences;

  @Test
  void theLinkOfAnEmailOpensAPageWhoseButtonUnsubscribes() throws Exception {
    http().put().uri("/api/v1/recipients/browser-unsub").contentType(MediaType.APPLICATION_JSON)
        .body("{\"email\":\"browser-unsub@example.com\"}").retrieve().toBodilessEntity();
    post("/api/v1/notifications", "{\"channels\":[\"EMAIL\"],\"recipients\":[{\"id\":\"browser-unsub\"}],"
        + "\"subject\":\"Weekly deals\",\"body\":\"Hello\",\"category\":\"deals\"}", "browser-unsub-1");
    await().atMost(DELIVERY_WAIT).until(() -> !mailsTo("browser-unsub@example.com").isEmpty());
    String header = MimeUtility.unfold(mailsTo("browser-unsub@example.com").get(0).getHeader("List-Unsubscribe", ","));
    String link = header.substring(1, header.indexOf('>'));

    Map<String, Object> seen = new ConsoleBrowser(port).run("unsubscribe", Map.of("link", link));

    assertThat((String) seen.get("notice")).contains("You are unsubscribed from", "deals");
    assertThat(preferences.rules(ADMIN_SENDER, "browser-unsub")).singleElement()
        .satisfies(rule -> assertThat(rule.scope().label()).isEqualTo("category=deals,channel=email"));
  }
}
