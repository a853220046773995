package dev.herald.api.inbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal Server-Sent Events client over {@link HttpClient}, as a browser's EventSource reads a
 * stream: lines of {@code id:}, {@code event:}, {@code data:}, a blank line ends an event, lines
 * starting with {@code :} are comments. Events and comments are collected with their arrival time.
 */
final class SseClient implements AutoCloseable {

  record Event(String id, String name, String data, Instant receivedAt) {}

  private final HttpResponse<InputStream> response;
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final List<String> comments = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private SseClient(HttpResponse<InputStream> response) {
    this.response = response;
    this.reader = new Thread(this::read, "sse-client");
    reader.setDaemon(true);
    reader.start();
  }

  /** Connects and returns once the response headers arrived (the stream is registered by then). */
  static SseClient connect(URI uri, String lastEventId) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return new SseClient(client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
  }

  int status() {
    return response.statusCode();
  }

  String contentType() {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  List<Event> events() {
    return List.copyOf(events);
  }

  List<String> comments() {
    return List.copyOf(comments);
  }

  private void read() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String id = null;
      String name = null;
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            events.add(new Event(id, name == null ? "message" : name, data.toString(), Instant.now()));
          }
          name = null;
          data.setLength(0);
        } else if (line.startsWith(":")) {
          comments.add(line.substring(1));
        } else if (line.startsWith("id:")) {
          id = value(line);
        } else if (line.startsWith("event:")) {
          name = value(line);
        } else if (line.startsWith("data:")) {
          data.append(data.isEmpty() ? "" : "\n").append(value(line));
        }
      }
    } catch (IOException closed) {
      // the test closed the stream
    }
  }

  private static String value(String line) {
    String value = line.substring(line.indexOf(':') + 1);
    return value.startsWith(" ") ? value.substring(1) : value;
  }

  @Override
  public void close() throws IOException {
    response.body().close();
  }
}
