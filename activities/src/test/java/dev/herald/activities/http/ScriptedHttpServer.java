package dev.herald.activities.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A local HTTP server for a vendor SDK to talk to in tests: records each request and answers with
 * the scripted answers in order, then with the vendor's success answer.
 */
public final class ScriptedHttpServer implements AutoCloseable {

  /** One request as received. */
  public record Request(String method, String path, String authorization, String contentType, String body) {

    /** The body read as {@code application/x-www-form-urlencoded}. */
    public Map<String, String> form() {
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
  }

  public record Answer(int status, String body, Map<String, String> headers) {}

  /** Queued for a request that gets no answer until the server closes. */
  private static final Answer HANG = new Answer(0, "", Map.of());

  private final String basePath;
  private final String contentType;
  private final Function<Request, Answer> success;
  private final List<Request> received = new CopyOnWriteArrayList<>();
  private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final HttpServer server;

  /** Answers under {@code basePath} with {@code contentType}; {@code success} once the script is used up. */
  public ScriptedHttpServer(String basePath, String contentType, Function<Request, Answer> success)
      throws IOException {
    this.basePath = basePath;
    this.contentType = contentType;
    this.success = success;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + basePath;
  }

  public void answer(int status, String body, Map<String, String> headers) {
    script.add(new Answer(status, body, headers));
  }

  /** The next request gets no answer until the server closes: the client times out. */
  public void hang() {
    script.add(HANG);
  }

  public List<Request> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
        exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"),
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    received.add(request);
    Answer answer = script.poll();
    if (answer == HANG) {
      awaitRelease();
      exchange.close();
      return;
    }
    if (answer == null) {
      answer = success.apply(request);
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
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

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
