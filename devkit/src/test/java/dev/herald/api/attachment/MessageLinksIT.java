package dev.herald.api.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.api.HeraldIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Attachments and images on the channels that cannot carry files, through the real adapters and the simulators: an
 * SMS's body ends with a link per attachment, a push has its image on every platform and the links in its data, an
 * inbox item is returned with its links and image; each link downloads the uploaded bytes without a key. An image that
 * is another sender's, not an image, or for no channel that shows one is a 400 naming {@code image}.
 */
class MessageLinksIT extends HeraldIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void anSmsBodyEndsWithALinkPerAttachmentThatDownloadsItsBytes() throws Exception {
    byte[] report = Arrays.copyOf(Uploads.PDF, 50_000);
    String id = upload("report.pdf", MediaType.APPLICATION_PDF, report);
    String phone = "+14155550181";

    post("/api/v1/notifications", "{\"idempotencyKey\":\"links-sms-1\",\"channels\":[\"SMS\"],\"recipients\":[{\"phone\":\""
        + phone + "\"}],\"body\":\"Your report is ready\",\"attachments\":[\"" + id + "\"]}");
    awaitStatus(notificationId("links-sms-1"), "COMPLETED");

    String body = (String) outbox("SMS").stream().filter(m -> List.of(phone).equals(m.get("to"))).findFirst()
        .orElseThrow().get("body");
    String[] lines = body.split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).isEqualTo("Your report is ready");
    assertThat(lines[1]).startsWith("http://localhost:" + port + "/api/v1/attachments/" + id + "/content?exp=");
    HttpResponse<byte[]> download = download(lines[1]);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(Uploads.sha256(download.body())).isEqualTo(Uploads.sha256(report));
  }

  @Test
  void aPushShowsItsImageOnEveryPlatformAndCarriesTheLinksInItsData() throws Exception {
    String image = upload("logo.png", MediaType.IMAGE_PNG, Uploads.PNG);
    String file = upload("terms.pdf", MediaType.APPLICATION_PDF, Uploads.PDF);

    post("/api/v1/notifications", "{\"idempotencyKey\":\"links-push-1\",\"channels\":[\"PUSH\"],\"recipients\":[{"
        + "\"id\":\"links-push\",\"pushToken\":\"it-links-push-token\"}],\"subject\":\"New terms\",\"body\":\"See them\","
        + "\"image\":\"" + image + "\",\"attachments\":[\"" + file + "\"]}");
    awaitStatus(notificationId("links-push-1"), "COMPLETED");

    @SuppressWarnings("unchecked")
    Map<String, String> fcm = (Map<String, String>) outbox("PUSH").stream()
        .filter(push -> ((List<?>) push.get("to")).contains("it-links-push-token")).findFirst().orElseThrow()
        .get("headers");
    String imageUrl = fcm.get("notification.image");
    assertThat(imageUrl).startsWith("http://localhost:" + port + "/api/v1/attachments/" + image + "/content?exp=");
    assertThat(fcm).containsEntry("apns.fcm_options.image", imageUrl).containsEntry("apns.mutable-content", "1")
        .containsEntry("webpush.notification.image", imageUrl);
    assertThat(download(imageUrl).body()).isEqualTo(Uploads.PNG);
    List<Map<String, String>> links = JSON.readValue(fcm.get("data.attachments"), new TypeReference<>() {});
    assertThat(links).singleElement().satisfies(link -> {
      assertThat(link).containsEntry("name", "terms.pdf").containsEntry("type", "application/pdf");
      assertThat(download(link.get("url")).body()).isEqualTo(Uploads.PDF);
    });
  }

  @Test
  void anInboxItemIsReturnedWithItsLinksAndImage() throws Exception {
    String image = upload("banner.png", MediaType.IMAGE_PNG, Uploads.PNG);
    String file = upload("invoice.pdf", MediaType.APPLICATION_PDF, Uploads.PDF);

    post("/api/v1/notifications", "{\"idempotencyKey\":\"links-inbox-1\",\"channels\":[\"IN_APP\"],\"recipients\":[{"
        + "\"id\":\"links-inbox\"}],\"subject\":\"Invoice\",\"body\":\"Your invoice is ready\",\"image\":\"" + image
        + "\",\"attachments\":[\"" + file + "\"]}");
    awaitStatus(notificationId("links-inbox-1"), "COMPLETED");

    @SuppressWarnings("unchecked")
    Map<String, Object> item = ((List<Map<String, Object>>) get("/api/v1/inbox?recipientId=links-inbox").getBody()
        .get("items")).get(0);
    assertThat(item).containsEntry("notificationId", notificationId("links-inbox-1"));
    assertThat(download((String) item.get("imageUrl")).body()).isEqualTo(Uploads.PNG);
    @SuppressWarnings("unchecked")
    List<Map<String, String>> links = (List<Map<String, String>>) item.get("attachments");
    assertThat(links).singleElement().satisfies(link -> {
      assertThat(link).containsEntry("name", "invoice.pdf").containsEntry("type", "application/pdf");
      assertThat(download(link.get("url")).body()).isEqualTo(Uploads.PDF);
    });
  }

  @Test
  void anImageThatIsAnotherSendersNotAnImageOrShownNowhereIsA400NamingImage() {
    String foreign = upload(senderKey("links-other"), "theirs.png", MediaType.IMAGE_PNG, Uploads.PNG);
    String pdf = upload("not-an-image.pdf", MediaType.APPLICATION_PDF, Uploads.PDF);
    String png = upload("fine.png", MediaType.IMAGE_PNG, Uploads.PNG);

    for (var refused : List.of(pushWithImage("links-foreign", "PUSH", foreign), pushWithImage("links-pdf", "PUSH", pdf),
        pushWithImage("links-no-id", "IN_APP", "logo.png"), pushWithImage("links-email", "EMAIL", png))) {
      assertThat(refused.getStatusCode().value()).isEqualTo(400);
      @SuppressWarnings("unchecked")
      var errors = (List<Map<String, Object>>) refused.getBody().get("errors");
      assertThat(errors).extracting(e -> e.get("field")).containsExactly("image");
    }
  }

  private ResponseEntity<Map<String, Object>> pushWithImage(String key, String channel, String image) {
    return post("/api/v1/notifications", "{\"idempotencyKey\":\"" + key + "\",\"channels\":[\"" + channel + "\"],"
        + "\"recipients\":[{\"id\":\"links-refused\",\"pushToken\":\"it-links-refused\",\"email\":\"r@it.example\"}],"
        + "\"subject\":\"Hi\",\"body\":\"Hello\",\"image\":\"" + image + "\"}");
  }

  private List<Map<String, Object>> outbox(String channel) {
    return http().get().uri("/api/v1/dev/outbox?channel={channel}", channel).retrieve().body(LIST);
  }

  /** The link's bytes, asked for without a key. */
  private HttpResponse<byte[]> download(String url) throws Exception {
    HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return response;
  }

  /** Uploaded as the admin, whose notifications these tests send. */
  private String upload(String filename, MediaType type, byte[] bytes) {
    return upload(ADMIN_KEY, filename, type, bytes);
  }

  private String upload(String key, String filename, MediaType type, byte[] bytes) {
    var created = http(key).post().uri("/api/v1/attachments?filename={name}", filename).contentType(type).body(bytes)
        .retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    return (String) created.getBody().get("id");
  }
}
