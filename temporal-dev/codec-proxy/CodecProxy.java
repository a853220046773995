import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * An operator's own codec endpoint for the Temporal UI: listens on localhost only and passes the
 * UI's encode and decode calls on to Herald's codec endpoint with the operator's admin key, which
 * the UI cannot send itself. Run with the JDK alone: {@code java CodecProxy.java}.
 *
 * <p>Environment: {@code HERALD_CODEC_ENDPOINT} (Herald's, e.g. https://herald.example.com/api/v1/temporal-codec),
 * {@code HERALD_CODEC_KEY} (an admin key; from the environment, never the command line, which others
 * on the machine can read), {@code CODEC_PROXY_PORT} (default 8234, 0 for any free port),
 * {@code TEMPORAL_UI_ORIGIN} (the UI's origin, default http://localhost:8233). A browser call from any
 * other origin is refused. Logs {@code codec proxy on http://127.0.0.1:<port>} once listening.
 */
public final class CodecProxy {

  private static final System.Logger LOG = System.getLogger("codec-proxy");
  private static final Set<String> PATHS = Set.of("/encode", "/decode");
  private static final String NAMESPACE = "X-Namespace";

  private final URI herald;
  private final String key;
  private final String uiOrigin;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private CodecProxy(URI herald, String key, String uiOrigin) {
    this.herald = herald;
    this.key = key;
    this.uiOrigin = uiOrigin;
  }

  public static void main(String[] args) throws IOException {
    String endpoint = required("HERALD_CODEC_ENDPOINT");
    String key = required("HERALD_CODEC_KEY");
    int port = Integer.parseInt(System.getenv().getOrDefault("CODEC_PROXY_PORT", "8234"));
    String origin = System.getenv().getOrDefault("TEMPORAL_UI_ORIGIN", "http://localhost:8233");
    CodecProxy proxy = new CodecProxy(URI.create(endpoint.replaceAll("/+$", "")), key, origin);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", proxy::handle);
    server.start();
    LOG.log(System.Logger.Level.INFO, "codec proxy on http://127.0.0.1:" + server.getAddress().getPort() + " -> "
        + endpoint + " (for " + origin + ")");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String origin = exchange.getRequestHeaders().getFirst("Origin");
      if (origin != null && !origin.equals(uiOrigin)) {
        answer(exchange, 403, "{\"detail\":\"only the Temporal UI at " + uiOrigin + " may call this proxy\"}");
        return;
      }
      if (origin != null) {
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", uiOrigin);
        exchange.getResponseHeaders().set("Vary", "Origin");
      }
      String path = exchange.getRequestURI().getPath();
      if (!PATHS.contains(path)) {
        answer(exchange, 404, "{\"detail\":\"the codec proxy answers POST /encode and /decode\"}");
        return;
      }
      if (exchange.getRequestMethod().equals("OPTIONS")) {
        exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "POST");
        exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "content-type, x-namespace, authorization");
        exchange.getResponseHeaders().set("Access-Control-Max-Age", "3600");
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        answer(exchange, 405, "{\"detail\":\"POST only\"}");
        return;
      }
      forward(exchange, path);
    }
  }

  private void forward(HttpExchange exchange, String path) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(herald + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + key)
        .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
    String namespace = exchange.getRequestHeaders().getFirst(NAMESPACE);
    if (namespace != null) {
      request.header(NAMESPACE, namespace);
    }
    try {
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      exchange.getResponseHeaders().set("Content-Type",
          response.headers().firstValue("Content-Type").orElse("application/json"));
      answer(exchange, response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer(exchange, 503, "{\"detail\":\"interrupted\"}");
    } catch (IOException e) {
      answer(exchange, 502, "{\"detail\":\"Herald's codec endpoint does not answer: " + e.getClass().getSimpleName()
          + "\"}");
    }
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    exchange.getResponseHeaders().putIfAbsent("Content-Type", java.util.List.of("application/json"));
    answer(exchange, status, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      LOG.log(System.Logger.Level.ERROR, name + " is required (see the comment at the top of CodecProxy.java)");
      System.exit(2);
    }
    return value;
  }
}
