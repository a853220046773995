package dev.herald.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The Send page's attachments in headless Chromium (scenarios/attachments.cjs): a file uploads with its progress,
 * is mailed with the notification (the SMTP sink's copy has the same SHA-256), is listed on the notification's page
 * and downloads from there with the same bytes; a file removed before sending is deleted; a type not taken is
 * refused with the API's words.
 */
class AttachmentsBrowserIT extends HeraldIntegrationTest {

  private static final String SENDER = "attach-browser";
  private static final String ADDRESS = "attach-browser@it.example";

  @Test
  void aSenderAttachesAFileSendsItAndDownloadsItFromTheNotificationPage() throws Exception {
    String key = senderKey(SENDER);

    Map<String, Object> seen = new ConsoleBrowser(port).run("attachments", Map.of("senderKey", key, "address", ADDRESS));

    await().atMost(DELIVERY_WAIT).until(() -> mailsTo(ADDRESS).size() == 1);
    BodyPart file = ((MimeMultipart) mailsTo(ADDRESS).get(0).getContent()).getBodyPart(1);
    assertThat(file.getFileName()).isEqualTo("report.pdf");
    try (InputStream in = file.getInputStream()) {
      assertThat(sha256(in.readAllBytes())).isEqualTo(seen.get("uploadedSha"));
    }
    assertThat(seen.get("downloadedSha")).isEqualTo(seen.get("uploadedSha"));
    assertThat(seen.get("downloadName")).isEqualTo("report.pdf");
    var stored = http(key).get().uri("/api/v1/attachments/{id}", seen.get("reportId")).retrieve()
        .toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(stored.getBody()).containsEntry("sha256", seen.get("uploadedSha"));
    var removed = http(key).get().uri("/api/v1/attachments/{id}", seen.get("removedId")).retrieve().toBodilessEntity();
    assertThat(removed.getStatusCode().value()).as("the file removed before sending is deleted").isEqualTo(404);
    assertThat((String) seen.get("refusal")).contains("page.html was refused").contains("text/html");
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
