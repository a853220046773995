package dev.herald.api.console.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.console.ConsoleClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * A notification's page: its deliveries and approval record, pause, resume and cancel through its
 * forms (with their CSRF token only), and another sender's notification not found.
 */
class NotificationDetailPageIT extends ConsoleNotificationsTest {

  private static final String SENDER = "detail-a";
  private static final String THREE = email("NORMAL", "d1@detail.it.example", "d2@detail.it.example",
      "d3@detail.it.example");

  @Test
  void showsTheDeliveriesAndTheApprovalRecord() {
    String key = senderKey(SENDER);
    String id = send(key, "detail-approved", THREE.replace("d1@", "approved1@").replace("d2@", "approved2@")
        .replace("d3@", "approved3@"));
    awaitStatus(id, "PENDING_APPROVAL");
    ConsoleClient browser = signedIn(key);

    String waiting = browser.get(page(id)).body();
    assertThat(waiting).contains("PENDING_APPROVAL", "waiting for an admin", "above the approval threshold of 2",
        SENDER + " (key " + key.split("_")[1] + ")");

    assertThat(approve(id, "{\"decision\":\"APPROVE\",\"comment\":\"Looks right, 좋아요\"}").getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    awaitStatus(id, "COMPLETED");
    String done = browser.get(page(id)).body();

    assertThat(done).contains("COMPLETED", "APPROVE", APPROVER + " (key ", "Looks right, 좋아요",
        "approved1@detail.it.example", "approved2@detail.it.example", "approved3@detail.it.example",
        "&lt;" + id + "/email/0@herald.local&gt;", "100% · 3 of 3 done: 3 sent")
        .doesNotContain("Open in the Temporal UI");
    assertThat(done).as("a final notification has no actions and no live stream")
        .doesNotContain("id=\"actions-heading\"").doesNotContain("data-progress-stream");
  }

  @Test
  void pauseAndResumeThroughThePageSteerTheSendAndNeedTheFormsToken() {
    String key = senderKey(SENDER);
    String id = send(key, "detail-paused", THREE.replace("d1@", "paused1@"));
    awaitStatus(id, "PENDING_APPROVAL");
    ConsoleClient browser = signedIn(key);
    String before = browser.get(page(id)).body();
    assertThat(formHidden(before, "pause-form")).isFalse();
    assertThat(formHidden(before, "resume-form")).isTrue();

    assertThat(browser.postRaw(page(id) + "/pause", Map.of()).statusCode()).isEqualTo(403);
    HttpResponse<String> paused = browser.post(page(id) + "/pause", Map.of());
    assertThat(paused.statusCode()).isEqualTo(302);
    assertThat(paused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(page(id)));
    assertThat(browser.get(page(id)).body()).contains("Pausing: no new batch starts");

    approve(id, "{\"decision\":\"APPROVE\"}");
    awaitStatus(id, "PAUSED");
    String pausedPage = browser.get(page(id)).body();
    assertThat(formHidden(pausedPage, "pause-form")).isTrue();
    assertThat(formHidden(pausedPage, "resume-form")).isFalse();

    assertThat(browser.post(page(id) + "/resume", Map.of()).statusCode()).isEqualTo(302);
    awaitStatus(id, "COMPLETED");
  }

  @Test
  void cancelTakesASecondStepAndTheFormsToken() {
    String key = senderKey(SENDER);
    String id = send(key, "detail-cancel", email("LOW", "cancel@detail.it.example")
        .replace("}]}", "}],\"sendAt\":\"" + tomorrow() + "\"}"));
    awaitStatus(id, "SCHEDULED");
    ConsoleClient browser = signedIn(key);

    assertThat(browser.get(page(id)).body()).contains("Cancel notification…").doesNotContain("Yes, cancel it");
    assertThat(browser.get(page(id) + "?confirm=cancel").body()).contains("Yes, cancel it", "Keep it");
    assertThat(browser.postRaw(page(id) + "/cancel", Map.of()).statusCode()).isEqualTo(403);
    assertThat(get("/api/v1/notifications/" + id).getBody()).containsEntry("status", "SCHEDULED");

    assertThat(browser.post(page(id) + "/cancel", Map.of()).statusCode()).isEqualTo(302);
    awaitStatus(id, "CANCELLED");
    assertThat(browser.get(page(id)).body()).contains("Cancelling: what was not sent yet will not be sent");

    browser.post(page(id) + "/pause", Map.of());
    assertThat(browser.get(page(id)).body()).contains("Nothing was changed", "has already finished");
  }

  @Test
  void anotherSendersNotificationIsNotFound() {
    String id = send(senderKey(SENDER), "detail-private", email("NORMAL", "private@detail.it.example"));
    awaitStatus(id, "COMPLETED");
    ConsoleClient other = signedIn(senderKey("detail-b"));
    other.get(PAGES);

    HttpResponse<String> detail = other.get(page(id));
    assertThat(detail.statusCode()).isEqualTo(404);
    assertThat(detail.body()).contains("no notification with id").doesNotContain("private@detail.it.example");
    assertThat(other.post(page(id) + "/pause", Map.of()).statusCode()).isEqualTo(404);
    assertThat(other.get(page(id) + "/progress").statusCode()).isEqualTo(404);
    assertThat(other.get(PAGES + "/notification-detail-b~nothing").statusCode()).isEqualTo(404);
    assertThat(signedIn(ADMIN_KEY).get(page(id)).body()).contains("private@detail.it.example");
  }

  static String page(String id) {
    return PAGES + "/" + id;
  }

  /** Whether the form with this id is rendered hidden (the page's script shows the other as the status changes). */
  private static boolean formHidden(String page, String formId) {
    Matcher form = Pattern.compile("<form[^>]*id=\"" + formId + "\"[^>]*>").matcher(page);
    assertThat(form.find()).as("form %s", formId).isTrue();
    return form.group().contains("hidden");
  }
}
