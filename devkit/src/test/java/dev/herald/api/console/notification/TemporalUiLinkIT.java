package dev.herald.api.console.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.worker.temporal.TemporalProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * With the Temporal UI's address configured (the dev kit sets it when it runs the CLI's dev server),
 * a notification's page links to its workflow there; without it (every other test), it has no link.
 */
@TestPropertySource(properties = "herald.console.temporal-ui-url=http://localhost:8233/")
class TemporalUiLinkIT extends ConsoleNotificationsTest {

  @Autowired TemporalProperties temporal;

  @Test
  void aNotificationLinksToItsWorkflowInTheTemporalUi() {
    String key = senderKey("ui-link");
    String id = send(key, "ui-link-1", email("NORMAL", "ui-link@link.it.example"));
    awaitStatus(id, "COMPLETED");

    String page = signedIn(key).get(NotificationDetailPageIT.page(id)).body();

    assertThat(page).contains("<a href=\"http://localhost:8233/namespaces/" + temporal.namespace() + "/workflows/"
        + "notification-ui-link~ui-link-1\" rel=\"noopener noreferrer\">Open in the Temporal UI</a>");
  }
}
