package dev.herald.api.console.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.api.console.ConsoleClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * A broadcast's page follows its progress through server-sent events (the browser's session cookie
 * opens the stream): an event at each change, the last one final, then the stream ends.
 */
class ProgressStreamIT extends ConsoleNotificationsTest {

  private static final int MEMBERS = 40;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aBroadcastsProgressStreamsUntilItCompletesThenEnds() throws Exception {
    String key = senderKey("progress-a");
    String members = IntStream.range(0, MEMBERS)
        .mapToObj(i -> "{\"id\":\"pm-" + i + "\",\"email\":\"pm-" + i + "@progress.it.example\"}")
        .collect(Collectors.joining("\n"));
    var imported = http(key).post().uri("/api/v1/recipients/import")
        .contentType(org.springframework.http.MediaType.parseMediaType("application/x-ndjson")).body(members)
        .retrieve().toBodilessEntity();
    assertThat(imported.getStatusCode().is2xxSuccessful()).isTrue();
    call(key, "POST", "/api/v1/groups", "{\"key\":\"progress-all\",\"name\":\"Everyone\"}");
    call(key, "POST", "/api/v1/groups/progress-all/members", "{\"recipientIds\":["
        + IntStream.range(0, MEMBERS).mapToObj(i -> "\"pm-" + i + "\"").collect(Collectors.joining(",")) + "]}");
    String id = send(key, "progress-1", "{\"channels\":[\"EMAIL\"],\"group\":\"progress-all\","
        + "\"subject\":\"News\",\"body\":\"Hello everyone\"}");
    awaitStatus(id, "PENDING_APPROVAL");
    ConsoleClient browser = signedIn(key);
    assertThat(browser.get(NotificationDetailPageIT.page(id)).body())
        .contains("data-progress-stream=\"/console/notifications/" + id + "/progress\"", "<progress");

    HttpResponse<Stream<String>> stream = stream(browser, id);
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("text/event-stream"));
    CompletableFuture<List<String>> lines = CompletableFuture.supplyAsync(() -> stream.body().toList());

    assertThat(approve(id, "{\"decision\":\"APPROVE\"}").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    List<Map<String, Object>> events = events(lines.get(DELIVERY_WAIT.toSeconds() * 2, TimeUnit.SECONDS));

    assertThat(events).hasSizeGreaterThanOrEqualTo(2);
    assertThat(events.get(0)).containsEntry("status", "PENDING_APPROVAL").containsEntry("finished", false);
    assertThat(events.get(events.size() - 1)).containsEntry("status", "COMPLETED").containsEntry("finished", true)
        .containsEntry("total", MEMBERS).containsEntry("done", MEMBERS).containsEntry("percent", 100);
    assertThat(events.subList(0, events.size() - 1)).allSatisfy(e -> assertThat(e).containsEntry("finished", false));
    assertThat(stream(signedIn(senderKey("progress-b")), id).statusCode()).as("another sender's").isEqualTo(404);
  }

  /** The progress stream as the page's EventSource opens it, with the browser's session cookie. */
  private HttpResponse<Stream<String>> stream(ConsoleClient browser, String id) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + NotificationDetailPageIT.page(id) + "/progress"))
            .header("Accept", "text/event-stream")
            .header("Cookie", "herald_console=" + browser.session().orElseThrow()).build(),
        HttpResponse.BodyHandlers.ofLines());
  }

  /** The data of each {@code progress} event, in order. */
  private List<Map<String, Object>> events(List<String> lines) throws Exception {
    List<Map<String, Object>> events = new ArrayList<>();
    String name = null;
    for (String line : lines) {
      if (line.startsWith("event:")) {
        name = line.substring("event:".length()).trim();
      } else if (line.startsWith("data:") && "progress".equals(name)) {
        events.add(json.readValue(line.substring("data:".length()), Map.class));
      } else if (line.isEmpty()) {
        name = null;
      }
    }
    return events;
  }
}
