package dev.herald.api.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.activities.attachment.Attachments;
import dev.herald.activities.blob.BlobProperties;
import dev.herald.api.HeraldIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/**
 * {@code /api/v1/attachments} on the embedded default (the directory store): multipart and raw
 * uploads, their metadata, the size limit and the type check (nothing left behind by a refusal),
 * senders kept apart, an idempotent delete and the rule that a running notification's file stays.
 */
class AttachmentsIT extends HeraldIntegrationTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired Attachments attachments;
  @Autowired BlobProperties blobs;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aMultipartUploadIsStoredWithItsSizeSha256AndSniffedType() {
    String key = senderKey("attach-a");

    ResponseEntity<Map<String, Object>> created = multipart(key, "logo.png", MediaType.IMAGE_PNG, Uploads.PNG);

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    Map<String, Object> body = created.getBody();
    assertThat(body).containsEntry("filename", "logo.png").containsEntry("contentType", "image/png")
        .containsEntry("size", Uploads.PNG.length).containsEntry("sha256", Uploads.sha256(Uploads.PNG))
        .containsEntry("sender", "attach-a");
    assertThat(body.get("expiresAt")).isNotNull();
    assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/attachments/" + body.get("id"));
    var read = http(key).get().uri("/api/v1/attachments/{id}", body.get("id")).retrieve().toEntity(JSON);
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    assertThat(read.getBody()).isEqualTo(body);
  }

  @Test
  void aRawBodyIsTheFileNamedByItsContentDispositionOrTheFilenameParameter() {
    var disposed = http(senderKey("attach-a")).post().uri("/api/v1/attachments").contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"report.pdf\"").body(Uploads.PDF)
        .retrieve().toEntity(JSON);
    var named = http(senderKey("attach-a")).post().uri("/api/v1/attachments?filename=rows.csv")
        .contentType(MediaType.parseMediaType("text/csv")).body("id,name\n1,Ada\n".getBytes(StandardCharsets.UTF_8))
        .retrieve().toEntity(JSON);

    assertThat(disposed.getStatusCode().value()).isEqualTo(201);
    assertThat(disposed.getBody()).containsEntry("filename", "report.pdf").containsEntry("contentType", "application/pdf")
        .containsEntry("sha256", Uploads.sha256(Uploads.PDF));
    assertThat(named.getStatusCode().value()).isEqualTo(201);
    assertThat(named.getBody()).containsEntry("filename", "rows.csv").containsEntry("contentType", "text/csv");
  }

  @Test
  void aFileOverTheLimitIs413AndLeavesNothingInTheStore() throws IOException {
    String key = senderKey("attach-large");
    long limit = DataSize.ofMegabytes(25).toBytes();
    long filesBefore = storedFiles();
    Uploads uploads = new Uploads(port);

    var streamed = uploads.streamed(key, "text/plain", () -> new Uploads.Text(limit + 1, 1, null));
    String announced = uploads.announced(key, "text/plain", limit + 1);
    byte[] overLimit = new byte[(int) limit + 1];
    java.util.Arrays.fill(overLimit, (byte) 'a');
    var multipart = multipart(key, "big.txt", MediaType.TEXT_PLAIN, overLimit);

    assertThat(streamed.status()).isEqualTo(413);
    assertThat(streamed.body()).containsEntry("type", "/problems/body-too-large");
    // refused before the body was asked for: no 100 Continue, the 413 at once
    assertThat(announced).startsWith("HTTP/1.1 413").contains("/problems/body-too-large");
    assertThat(multipart.getStatusCode().value()).isEqualTo(413);
    assertThat(jdbc.queryForObject("select count(*) from attachment where sender = 'attach-large'", Integer.class))
        .isZero();
    assertThat(storedFiles()).isEqualTo(filesBefore);
  }

  @Test
  void aTypeNotAllowedOrNotTheDeclaredOneIs415() {
    String key = senderKey("attach-a");

    var zip = http(key).post().uri("/api/v1/attachments?filename=a.zip").contentType(MediaType.APPLICATION_OCTET_STREAM)
        .body(java.util.HexFormat.of().parseHex("504b03041400000000000000")).retrieve().toEntity(JSON);
    var disguised = multipart(key, "photo.png", MediaType.IMAGE_PNG, Uploads.PDF);

    assertThat(zip.getStatusCode().value()).isEqualTo(415);
    assertThat(zip.getBody()).containsEntry("type", "/problems/unsupported-media-type");
    assertThat((String) zip.getBody().get("detail")).contains("application/zip");
    assertThat(disguised.getStatusCode().value()).isEqualTo(415);
    assertThat((String) disguised.getBody().get("detail")).contains("declared as image/png", "application/pdf");
  }

  @Test
  void aMultipartBodyWithoutAFilePartOrBoundaryIs400() {
    var withoutFile = http(senderKey("attach-a")).post().uri("/api/v1/attachments")
        .contentType(MediaType.MULTIPART_FORM_DATA).body(form("other", "x.txt", MediaType.TEXT_PLAIN, "x".getBytes()))
        .retrieve().toEntity(JSON);
    var withoutBoundary = http(senderKey("attach-a")).post().uri("/api/v1/attachments")
        .header(HttpHeaders.CONTENT_TYPE, "multipart/form-data").body("--x\r\n\r\n".getBytes()).retrieve().toEntity(JSON);

    assertThat(withoutFile.getStatusCode().value()).isEqualTo(400);
    assertThat((String) withoutFile.getBody().get("detail")).startsWith("file: is missing");
    assertThat(withoutBoundary.getStatusCode().value()).isEqualTo(400);
    assertThat(withoutBoundary.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void anotherSendersAttachmentIsNotFoundAndAnAdminSeesIt() {
    String id = (String) multipart(senderKey("attach-a"), "a.pdf", MediaType.APPLICATION_PDF, Uploads.PDF).getBody().get("id");
    String other = senderKey("attach-b");

    assertThat(http(other).get().uri("/api/v1/attachments/{id}", id).retrieve().toEntity(JSON).getStatusCode().value())
        .isEqualTo(404);
    assertThat(http(other).delete().uri("/api/v1/attachments/{id}", id).retrieve().toBodilessEntity().getStatusCode()
        .value()).isEqualTo(404);
    assertThat(http().get().uri("/api/v1/attachments/{id}", id).retrieve().toEntity(JSON).getStatusCode().value())
        .isEqualTo(200);
    assertThat(http(senderKey("attach-a")).get().uri("/api/v1/attachments/{id}", id).retrieve().toEntity(JSON)
        .getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void deletingIsIdempotentAndTheFileIsGone() {
    String key = senderKey("attach-a");
    String id = (String) multipart(key, "a.pdf", MediaType.APPLICATION_PDF, Uploads.PDF).getBody().get("id");

    var first = http(key).delete().uri("/api/v1/attachments/{id}", id).retrieve().toBodilessEntity();
    var again = http(key).delete().uri("/api/v1/attachments/{id}", id).retrieve().toBodilessEntity();

    assertThat(first.getStatusCode().value()).isEqualTo(204);
    assertThat(again.getStatusCode().value()).isEqualTo(204);
    assertThat(http(key).get().uri("/api/v1/attachments/{id}", id).retrieve().toEntity(JSON).getStatusCode().value())
        .isEqualTo(404);
    assertThat(Files.exists(blobs.directory().resolve("attachments").resolve(id))).isFalse();
    for (String unknown : List.of(UUID.randomUUID().toString(), "not-an-id")) {
      assertThat(http(key).delete().uri("/api/v1/attachments/{id}", unknown).retrieve().toBodilessEntity()
          .getStatusCode().value()).as(unknown).isEqualTo(404);
    }
  }

  @Test
  void anAttachmentANotificationNotYetFinalUsesCannotBeDeleted() {
    String key = senderKey("attach-a");
    String id = (String) multipart(key, "a.pdf", MediaType.APPLICATION_PDF, Uploads.PDF).getBody().get("id");
    attachments.reference(List.of(UUID.fromString(id)), "notification-attach-a~" + UUID.randomUUID());

    var refused = http(key).delete().uri("/api/v1/attachments/{id}", id).retrieve().toEntity(JSON);

    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody()).containsEntry("type", "/problems/wrong-state");
    var read = http(key).get().uri("/api/v1/attachments/{id}", id).retrieve().toEntity(JSON);
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    assertThat(read.getBody()).containsEntry("expiresAt", null);
  }

  private ResponseEntity<Map<String, Object>> multipart(String key, String filename, MediaType type, byte[] bytes) {
    return http(key).post().uri("/api/v1/attachments").contentType(MediaType.MULTIPART_FORM_DATA)
        .body(form("file", filename, type, bytes)).retrieve().toEntity(JSON);
  }

  private static org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> form(
      String part, String filename, MediaType type, byte[] bytes) {
    MultipartBodyBuilder form = new MultipartBodyBuilder();
    form.part(part, new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return filename;
      }
    }).contentType(type);
    return form.build();
  }

  private long storedFiles() throws IOException {
    Path dir = blobs.directory().resolve("attachments");
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Stream.concat(Files.list(dir), Files.list(blobs.directory().resolve(".partial")))) {
      return files.count();
    }
  }
}
