package dev.herald.activities.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bare FCM v1 {@code messages:send} endpoint for the sender tests: answers what the test queued
 * (success by default) and keeps every request it got.
 */
final class FakeFcm implements AutoCloseable {

  record Request(String path, String authorization, String contentType, String body) {}

  record Answer(int status, String body, Map<String, String> headers) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

  FakeFcm() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/fcm/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/fcm";
  }

  List<Request> requests() {
    return requests;
  }

  /** The next call gets this answer instead of a success. */
  void answer(int status, String body, Map<String, String> headers) {
    answers.add(new Answer(status, body, headers));
  }

  /** An error in Google's JSON shape with an FcmError detail, e.g. (404, NOT_FOUND, UNREGISTERED). */
  void answerError(int status, String googleStatus, String fcmCode, String message, Map<String, String> headers,
      String... extraDetails) {
    String details = "{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"" + fcmCode
        + "\"}" + (extraDetails.length == 0 ? "" : "," + String.join(",", extraDetails));
    answer(status, "{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"status\":\"" + googleStatus
        + "\",\"details\":[" + details + "]}}", headers);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
        exchange.getRequestHeaders().getFirst("Content-Type"), body));
    Answer answer = answers.poll();
    if (answer == null) {
      String project = exchange.getRequestURI().getPath().split("/")[4];
      answer = new Answer(200, "{\"name\":\"projects/" + project + "/messages/" + requests.size() + "\"}", Map.of());
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
