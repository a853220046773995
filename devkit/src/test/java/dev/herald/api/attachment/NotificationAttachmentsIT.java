package dev.herald.api.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import dev.herald.workflows.notification.NotificationIds;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Notifications that carry attachments, through the REST API on the embedded default: the email the SMTP sink
 * receives has the uploaded file with its bytes; ids that are not the sender's stored attachments are 400s naming
 * {@code attachments[i]}; a running notification's attachment cannot be deleted, a cancelled one's can.
 */
class NotificationAttachmentsIT extends HeraldIntegrationTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
  private static final String SENDER = "attach-mail";

  @Test
  void anEmailNotificationCarriesItsUploadedAttachment() throws Exception {
    String key = senderKey(SENDER);
    byte[] report = pdf(200_000);
    Map<String, Object> upload = upload(key, "report.pdf", report);

    var sent = send(key, "with-file", "mailed-file@it.example", null, List.of((String) upload.get("id")));

    assertThat(sent.getStatusCode().value()).isEqualTo(202);
    await().atMost(DELIVERY_WAIT).until(() -> !mailsTo("mailed-file@it.example").isEmpty());
    MimeMessage mail = mailsTo("mailed-file@it.example").get(0);
    assertThat(mail.getContentType()).startsWith("multipart/mixed");
    BodyPart file = ((MimeMultipart) mail.getContent()).getBodyPart(1);
    assertThat(file.getFileName()).isEqualTo("report.pdf");
    assertThat(file.getContentType()).startsWith("application/pdf");
    try (InputStream in = file.getInputStream()) {
      assertThat(Uploads.sha256(in.readAllBytes())).isEqualTo(upload.get("sha256")).isEqualTo(Uploads.sha256(report));
    }
  }

  @Test
  void attachmentsThatAreNotTheSendersStoredOnesAre400sNamingEach() {
    String key = senderKey(SENDER);
    String foreign = (String) upload(senderKey("attach-other"), "theirs.pdf", pdf(1_000)).get("id");
    String deleted = (String) upload(key, "deleted.pdf", pdf(1_000)).get("id");
    http(key).delete().uri("/api/v1/attachments/{id}", deleted).retrieve().toBodilessEntity();
    String mine = (String) upload(key, "mine.pdf", pdf(1_000)).get("id");

    var refused = send(key, "bad-files", "bad-files@it.example", null,
        List.of(mine, foreign, deleted, "not-an-id", UUID.randomUUID().toString(), mine));
    var tooMany = send(key, "many-files", "many-files@it.example", null, Collections.nCopies(11, mine));

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(refused)).containsExactly("attachments[1]", "attachments[2]", "attachments[3]", "attachments[4]",
        "attachments[5]");
    assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(tooMany)).containsExactly("attachments");
  }

  @Test
  void aRunningNotificationsAttachmentCannotBeDeletedUntilItIsCancelled() {
    String key = senderKey(SENDER);
    String id = (String) upload(key, "later.pdf", pdf(1_000)).get("id");
    String sendAt = Instant.now().plus(1, ChronoUnit.HOURS).toString();
    send(key, "file-later", "file-later@it.example", sendAt, List.of(id));
    String notification = NotificationIds.of(SENDER, "file-later");
    awaitStatus(notification, "SCHEDULED");

    var whileScheduled = http(key).delete().uri("/api/v1/attachments/{id}", id).retrieve().toEntity(JSON);
    http(key).post().uri("/api/v1/notifications/{id}/cancel", notification).retrieve().toBodilessEntity();
    awaitStatus(notification, "CANCELLED");
    var afterCancel = http(key).delete().uri("/api/v1/attachments/{id}", id).retrieve().toBodilessEntity();

    assertThat(whileScheduled.getStatusCode().value()).isEqualTo(409);
    assertThat(afterCancel.getStatusCode().value()).isEqualTo(204);
  }

  private ResponseEntity<Map<String, Object>> send(String key, String idempotencyKey, String to, String sendAt,
      List<String> attachments) {
    String ids = String.join(",", attachments.stream().map(a -> "\"" + a + "\"").toList());
    String at = sendAt == null ? "" : ",\"sendAt\":\"" + sendAt + "\"";
    return http(key).post().uri("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON)
        .body("{\"idempotencyKey\":\"" + idempotencyKey + "\",\"channels\":[\"EMAIL\"],\"recipients\":[{\"email\":\"" + to
            + "\"}],\"subject\":\"Your file\",\"body\":\"It is attached.\",\"attachments\":[" + ids + "]" + at + "}")
        .retrieve().toEntity(JSON);
  }

  private Map<String, Object> upload(String key, String filename, byte[] bytes) {
    var created = http(key).post().uri("/api/v1/attachments?filename={name}", filename)
        .contentType(MediaType.APPLICATION_PDF).body(bytes).retrieve().toEntity(JSON);
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    return created.getBody();
  }

  @SuppressWarnings("unchecked")
  private static List<String> fields(ResponseEntity<Map<String, Object>> problem) {
    return ((List<Map<String, Object>>) problem.getBody().get("errors")).stream().map(e -> (String) e.get("field"))
        .toList();
  }

  /** A PDF of {@code size} bytes: its signature, then zeros. */
  private static byte[] pdf(int size) {
    return Arrays.copyOf(Uploads.PDF, size);
  }
}
