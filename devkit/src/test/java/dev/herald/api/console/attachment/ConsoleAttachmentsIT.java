package dev.herald.api.console.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.api.HeraldIntegrationTest;
import dev.herald.api.console.ConsoleClient;
import dev.herald.workflows.notification.NotificationIds;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The console's attachment routes over HTTP: an upload is the signed-in sender's (an admin's, the sender it names),
 * refused with the API's problem document; the send form shown again keeps its files; a notification's file
 * downloads from its page's route for its sender, and is not found for another sender, to download or to delete.
 */
class ConsoleAttachmentsIT extends HeraldIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] PDF = Arrays.copyOf("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
      .getBytes(StandardCharsets.US_ASCII), 5_000);

  @Test
  void anUploadIsTheSendersAndARefusalIsTheApisProblem() throws Exception {
    ConsoleClient console = signedIn(senderKey("console-files"));
    console.get("/console/send");

    var pdf = console.postBody("/console/send/attachments?filename=q3.pdf", MediaType.APPLICATION_OCTET_STREAM_VALUE, PDF);
    var html = console.postBody("/console/send/attachments?filename=x.html", MediaType.APPLICATION_OCTET_STREAM_VALUE,
        "<!DOCTYPE html><html><body>x</body></html>".getBytes(StandardCharsets.UTF_8));

    assertThat(pdf.statusCode()).isEqualTo(201);
    assertThat(body(pdf)).containsEntry("sender", "console-files").containsEntry("contentType", "application/pdf")
        .containsEntry("filename", "q3.pdf").containsEntry("size", 5_000);
    assertThat(html.statusCode()).isEqualTo(415);
    assertThat(html.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat((String) body(html).get("detail")).contains("text/html");
  }

  @Test
  void anAdminsUploadIsTheSenderItSendsAs() throws Exception {
    ConsoleClient console = signedIn(ADMIN_KEY);
    console.get("/console/send");

    var upload = console.postBody("/console/send/attachments?filename=a.pdf&sender=console-for",
        MediaType.APPLICATION_OCTET_STREAM_VALUE, PDF);

    assertThat(upload.statusCode()).isEqualTo(201);
    assertThat(body(upload)).containsEntry("sender", "console-for");
  }

  @Test
  void aSendFormShownAgainKeepsItsFilesAndNamesOneDeletedMeanwhile() throws Exception {
    ConsoleClient console = signedIn(senderKey("console-files"));
    console.get("/console/send");
    String id = upload(console, "kept.pdf");
    String gone = upload(console, "gone.pdf");
    console.delete("/console/send/attachments/" + gone);

    var noRecipients = console.post("/console/send", Map.of("idempotencyKey", "console-files-kept", "subject", "Files",
        "body", "See attached", "channels", "EMAIL", "channelMode", "ALL", "priority", "NORMAL", "attachments", id,
        "action", "send"));
    var deleted = console.post("/console/send", Map.of("idempotencyKey", "console-files-gone", "subject", "Files",
        "body", "See attached", "emails", "gone@it.example", "channels", "EMAIL", "channelMode", "ALL",
        "priority", "NORMAL", "attachments", gone, "action", "send"));

    assertThat(noRecipients.statusCode()).isEqualTo(400);
    assertThat(noRecipients.body()).contains("kept.pdf").contains("name=\"attachments\" value=\"" + id + "\"");
    assertThat(deleted.statusCode()).isEqualTo(400);
    assertThat(deleted.body()).contains("gone.pdf").contains("attachments[0]: attachment &#39;" + gone + "&#39; is deleted");
  }

  @Test
  void aNotificationsFileDownloadsForItsSenderAloneAndAnotherSenderCannotDeleteIt() {
    String ownerKey = senderKey("console-files-owner");
    String theirs = (String) http(ownerKey).post().uri("/api/v1/attachments?filename=t.pdf")
        .contentType(MediaType.APPLICATION_PDF).body(PDF).retrieve().toEntity(Map.class).getBody().get("id");
    // scheduled an hour ahead: it holds its file all along the test (a finished one's are released by the sweep)
    http(ownerKey).post().uri("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON).body("""
        {"idempotencyKey":"console-file","channels":["EMAIL"],"recipients":[{"email":"console-file@it.example"}],
         "subject":"File","body":"Attached","attachments":["%s"],"sendAt":"%s"}"""
        .formatted(theirs, Instant.now().plus(1, ChronoUnit.HOURS))).retrieve().toBodilessEntity();
    String notification = NotificationIds.of("console-files-owner", "console-file");
    ConsoleClient owner = signedIn(ownerKey);
    ConsoleClient other = signedIn(senderKey("console-files"));
    other.get("/console/send");

    HttpResponse<String> own = owner.get("/console/notifications/" + notification + "/attachments/" + theirs);
    HttpResponse<String> foreign = other.get("/console/notifications/" + notification + "/attachments/" + theirs);
    HttpResponse<String> notHeld = other.get("/console/notifications/" + NotificationIds.of("console-files", "none")
        + "/attachments/" + theirs);
    HttpResponse<String> delete = other.delete("/console/send/attachments/" + theirs);

    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("t.pdf"));
    for (HttpResponse<String> refused : List.of(foreign, notHeld)) {
      assertThat(refused.statusCode()).isEqualTo(404);
      assertThat(refused.body()).contains("<h1>Not found</h1>");
    }
    assertThat(delete.statusCode()).isEqualTo(404);
    assertThat(http(ownerKey).get().uri("/api/v1/attachments/{id}", theirs).retrieve().toBodilessEntity()
        .getStatusCode().value()).isEqualTo(200);
  }

  private static String upload(ConsoleClient console, String filename) throws Exception {
    return (String) body(console.postBody("/console/send/attachments?filename=" + filename,
        MediaType.APPLICATION_OCTET_STREAM_VALUE, PDF)).get("id");
  }

  private ConsoleClient signedIn(String key) {
    ConsoleClient console = new ConsoleClient(port);
    assertThat(console.signIn(key).statusCode()).isEqualTo(302);
    return console;
  }

  private static Map<String, Object> body(HttpResponse<String> response) throws Exception {
    return JSON.readValue(response.body(), JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
  }
}
