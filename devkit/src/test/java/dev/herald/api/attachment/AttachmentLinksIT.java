package dev.herald.api.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.activities.attachment.AttachmentLinks;
import dev.herald.api.HeraldIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * Download links on the embedded default: a link made by {@link AttachmentLinks} downloads the stored bytes with
 * no credential (a part of them by Range), an expired or tampered one is refused alike, a deleted file's is gone;
 * without a link only its sender's or an admin's key reads the bytes.
 */
class AttachmentLinksIT extends HeraldIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired AttachmentLinks links;

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void aLinkDownloadsTheStoredBytesWithoutAKey() throws Exception {
    byte[] text = new Uploads.Text(300_000, 7, null).readAllBytes();
    String id = upload(senderKey("links-a"), "Übersicht 2026.txt", MediaType.TEXT_PLAIN, text);
    String url = links.url(UUID.fromString(id)).orElseThrow();

    HttpResponse<byte[]> download = get(url, null);

    assertThat(url).startsWith("http://localhost:" + port + "/api/v1/attachments/" + id + "/content?exp=");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(Uploads.sha256(download.body())).isEqualTo(Uploads.sha256(text));
    var headers = download.headers();
    assertThat(headers.firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(headers.firstValueAsLong("Content-Length")).hasValue(text.length);
    assertThat(headers.firstValue("Content-Disposition")).hasValueSatisfying(disposition -> assertThat(disposition)
        .startsWith("attachment;").contains("filename*=UTF-8''%C3%9Cbersicht%202026.txt"));
    assertThat(headers.allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(headers.firstValue("Cache-Control").orElseThrow()).contains("private").containsPattern("max-age=60[0-9]{4}");
    assertThat(headers.firstValue("ETag")).hasValue("\"" + Uploads.sha256(text) + "\"");
  }

  @Test
  void aRangeRequestGetsThatPart() throws Exception {
    byte[] text = new Uploads.Text(100_000, 8, null).readAllBytes();
    String url = links.url(UUID.fromString(upload(senderKey("links-a"), "rows.txt", MediaType.TEXT_PLAIN, text)))
        .orElseThrow();

    HttpResponse<byte[]> part = client.send(HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=50000-50099")
        .build(), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 50000-50099/100000");
    assertThat(part.body()).isEqualTo(Arrays.copyOfRange(text, 50_000, 50_100));
  }

  @Test
  void anImageIsShownInlineAndAnythingElseDownloaded() throws Exception {
    String image = upload(senderKey("links-a"), "logo.png", MediaType.IMAGE_PNG, Uploads.PNG);

    HttpResponse<byte[]> shown = get(links.url(UUID.fromString(image)).orElseThrow(), null);

    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(shown.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;");
    assertThat(shown.body()).isEqualTo(Uploads.PNG);
  }

  @Test
  void anExpiredOrTamperedLinkIsRefusedAlike() throws Exception {
    String id = upload(senderKey("links-a"), "a.pdf", MediaType.APPLICATION_PDF, Uploads.PDF);
    String other = upload(senderKey("links-a"), "b.pdf", MediaType.APPLICATION_PDF, Uploads.PDF);
    String url = links.url(UUID.fromString(id)).orElseThrow();
    String sig = url.substring(url.indexOf("sig=") + 4);
    char last = sig.charAt(sig.length() - 1);

    for (String tampered : new String[] {url.replace(id, other), url.replace("exp=", "exp=1"),
        url.substring(0, url.length() - 1) + (last == 'A' ? 'B' : 'A'), url.replace("sig=", "sig=k0"),
        url.replace(id, "not-an-id"), url.replace("exp=", "x=")}) {
      assertRefused(get(tampered, null), tampered);
    }
    String expiring = links.url(UUID.fromString(id), Duration.ofSeconds(1)).orElseThrow();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertRefused(get(expiring, null), expiring));
    assertThat(get(url, null).statusCode()).as("the untouched link").isEqualTo(200);
  }

  @Test
  void aDeletedAttachmentsLinkIsGone() throws Exception {
    String key = senderKey("links-a");
    String id = upload(key, "a.pdf", MediaType.APPLICATION_PDF, Uploads.PDF);
    String url = links.url(UUID.fromString(id)).orElseThrow();
    http(key).delete().uri("/api/v1/attachments/{id}", id).retrieve().toBodilessEntity();

    HttpResponse<byte[]> byLink = get(url, null);
    HttpResponse<byte[]> byKey = get(content(id), key);

    assertThat(byLink.statusCode()).isEqualTo(410);
    assertThat(problem(byLink)).containsEntry("type", "/problems/gone");
    assertThat(byKey.statusCode()).isEqualTo(410);
    assertThat(get(links.url(UUID.randomUUID()).orElseThrow(), null).statusCode()).as("never uploaded").isEqualTo(404);
  }

  @Test
  void withoutALinkOnlyItsSendersOrAnAdminsKeyReadsTheBytes() throws Exception {
    String id = upload(senderKey("links-a"), "a.pdf", MediaType.APPLICATION_PDF, Uploads.PDF);

    HttpResponse<byte[]> own = get(content(id), senderKey("links-a"));

    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).isEqualTo(Uploads.PDF);
    assertThat(own.headers().firstValue("Cache-Control").orElseThrow()).contains("private", "no-cache");
    assertThat(get(content(id), ADMIN_KEY).statusCode()).isEqualTo(200);
    assertThat(get(content(id), senderKey("links-b")).statusCode()).isEqualTo(404);
    HttpResponse<byte[]> anonymous = get(content(id), null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"herald\"");
  }

  private void assertRefused(HttpResponse<byte[]> response, String url) throws IOException {
    assertThat(response.statusCode()).as(url).isEqualTo(403);
    assertThat(problem(response)).as(url).containsEntry("type", "/problems/invalid-link")
        .containsEntry("detail", "the link is invalid or has expired");
  }

  private String content(String id) {
    return "http://localhost:" + port + "/api/v1/attachments/" + id + "/content";
  }

  private String upload(String key, String filename, MediaType type, byte[] bytes) {
    var created = http(key).post().uri("/api/v1/attachments?filename={name}", filename).contentType(type).body(bytes)
        .retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(created.getStatusCode().value()).as("upload of %s: %s", filename, created.getBody()).isEqualTo(201);
    return (String) created.getBody().get("id");
  }

  private HttpResponse<byte[]> get(String url, String key) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static Map<String, Object> problem(HttpResponse<byte[]> response) throws IOException {
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    return JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {});
  }
}
