package dev.herald.activities.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A tiny HTTP server answering like Slack's Web API, for the SDK to talk to in activity tests:
 * records each request and answers with the scripted responses in order, then with success.
 */
final class SlackStub implements AutoCloseable {

  static final String TOKEN = "xoxb-stub-token";
  static final String TS = "1700000000.000100";

  /** One request as received. */
  record Received(String method, String path, String authorization, String contentType, Map<String, String> form) {}

  private record Answer(int status, String body, Map<String, String> headers, boolean hang) {}

  private final HttpServer server;
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService executor = Executors.newCachedThreadPool();

  SlackStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** The base URL the sender is pointed at, as {@code herald.slack.base-url}. */
  String baseUrl() {
    return "http://localhost:" + server.getAddress().getPort() + "/slack";
  }

  /** Slack's usual error answer: HTTP 200, {@code ok:false} and the error's name. */
  SlackStub answerError(String error) {
    return answer(200, "{\"ok\":false,\"error\":\"" + error + "\"}", Map.of());
  }

  SlackStub answer(int status, String body, Map<String, String> headers) {
    script.add(new Answer(status, body, headers, false));
    return this;
  }

  /** The next request gets no answer until the stub closes: the client times out. */
  SlackStub hang() {
    script.add(new Answer(0, "", Map.of(), true));
    return this;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> form = form(body);
    received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
        exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"),
        form));
    Answer answer = script.poll();
    if (answer == null) {
      String channel = form.getOrDefault("channel", "");
      String conversation = channel.startsWith("U") || channel.startsWith("W") ? "D" + channel.substring(1) : channel;
      answer = new Answer(200, "{\"ok\":true,\"channel\":\"" + conversation + "\",\"ts\":\"" + TS + "\","
          + "\"message\":{\"type\":\"message\",\"text\":\"…\",\"bot_id\":\"B0STUB\",\"ts\":\"" + TS + "\"}}",
          Map.of(), false);
    }
    if (answer.hang()) {
      awaitRelease();
      exchange.close();
      return;
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void awaitRelease() {
    try {
      release.await(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
