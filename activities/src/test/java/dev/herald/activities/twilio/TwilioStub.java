package dev.herald.activities.twilio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A tiny HTTP server answering like Twilio's REST API, for the SDK to talk to in activity tests:
 * records each request and answers with the scripted responses in order, then with success.
 */
public final class TwilioStub implements AutoCloseable {

  public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
  public static final String AUTH_TOKEN = "stub-token";

  /** One request as received. */
  public record Received(String method, String path, String authorization, Map<String, String> form) {}

  private record Answer(int status, String body, Map<String, String> headers, boolean hang) {}

  private final HttpServer server;
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService executor = Executors.newCachedThreadPool();

  public TwilioStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** The base URL the SDK is pointed at. */
  public URI baseUrl() {
    return URI.create("http://localhost:" + server.getAddress().getPort() + "/twilio");
  }

  public TwilioAccount account(boolean withCallbacks) {
    Optional<URI> callbacks = withCallbacks ? Optional.of(URI.create("https://herald.example.com")) : Optional.empty();
    return new ConfiguredTwilioAccount(ACCOUNT_SID, AUTH_TOKEN, Optional.of(baseUrl()), callbacks);
  }

  public TwilioStub answerError(int status, int code, Map<String, String> headers) {
    String body = "{\"code\":" + code + ",\"message\":\"error " + code + "\",\"more_info\":"
        + "\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}";
    script.add(new Answer(status, body, headers, false));
    return this;
  }

  public TwilioStub answerEmpty(int status) {
    script.add(new Answer(status, "", Map.of(), false));
    return this;
  }

  /** The next request gets no answer until the stub closes: the client times out. */
  public TwilioStub hang() {
    script.add(new Answer(0, "", Map.of(), true));
    return this;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    received.add(new Received(exchange.getRequestMethod(), path,
        exchange.getRequestHeaders().getFirst("Authorization"), form(body)));
    Answer answer = script.poll();
    if (answer == null) {
      String sid = (path.endsWith("Calls.json") ? "CA" : "SM") + "0123456789abcdef0123456789abcdef";
      answer = new Answer(201, "{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"account_sid\":\"" + ACCOUNT_SID + "\"}",
          Map.of(), false);
    }
    if (answer.hang()) {
      awaitRelease();
      exchange.close();
      return;
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
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
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
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
