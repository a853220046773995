package dev.herald.api.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.activities.attachment.AttachmentContent;
import dev.herald.activities.attachment.Attachments;
import dev.herald.activities.blob.BlobStore;
import dev.herald.api.HeraldIntegrationTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * What needs other limits than the other tests' context: a 30 MB upload under a 40 MB limit, streamed
 * through to the store (its SHA-256 checked on both sides), and the expiry of an unreferenced upload
 * after a short time.
 */
@TestPropertySource(properties = {"herald.attachments.max-size=40MB", "herald.attachments.unreferenced-ttl=10s",
    "herald.attachments.sweep-interval=500ms"})
class AttachmentLimitsIT extends HeraldIntegrationTest {

  private static final long THIRTY_MB = 30L * 1024 * 1024;

  @Autowired Attachments attachments;
  @Autowired BlobStore blobs;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aThirtyMegabyteStreamLandsWholeWithItsSha256() throws Exception {
    MessageDigest sent = Uploads.digest();

    var answer = new Uploads(port).streamed(senderKey("attach-large"), "text/plain",
        () -> new Uploads.Text(THIRTY_MB, 30, sent));

    assertThat(answer.status()).isEqualTo(201);
    String sha256 = HexFormat.of().formatHex(sent.digest());
    assertThat(answer.body()).containsEntry("sha256", sha256).containsEntry("contentType", "text/plain");
    assertThat(((Number) answer.body().get("size")).longValue()).isEqualTo(THIRTY_MB);
    UUID id = UUID.fromString((String) answer.body().get("id"));
    attachments.reference(List.of(id), "notification-attach-large~kept");
    MessageDigest stored = Uploads.digest();
    try (AttachmentContent content = attachments.open(id).orElseThrow();
        InputStream in = new DigestInputStream(content.content(), stored)) {
      assertThat(in.transferTo(OutputStream.nullOutputStream())).isEqualTo(THIRTY_MB);
    }
    assertThat(HexFormat.of().formatHex(stored.digest())).isEqualTo(sha256);
  }

  @Test
  void anUploadNoNotificationReferencesExpiresAndItsBytesAreDeleted() throws Exception {
    String key = senderKey("attach-expiry");
    var created = http(key).post().uri("/api/v1/attachments?filename=note.txt").contentType(MediaType.TEXT_PLAIN)
        .body("soon gone".getBytes()).retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    String id = (String) created.getBody().get("id");

    await().atMost(Duration.ofSeconds(30)).until(() ->
        http(key).get().uri("/api/v1/attachments/{id}", id).retrieve().toBodilessEntity().getStatusCode().value() == 404);

    assertThat(jdbc.queryForObject("select status from attachment where id = ?::uuid", String.class, id))
        .isEqualTo("EXPIRED");
    assertThat(blobs.stat("attachments/" + id)).isEmpty();
  }
}
