package dev.herald.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * temporal-dev/codec-proxy, as an operator runs it for the Temporal UI outside the dev kit: Herald's
 * codec endpoint takes an admin key, which the UI cannot send; the proxy on localhost adds the
 * operator's, answers the UI's origin only, and passes Herald's refusals on.
 */
@TestPropertySource(properties = {"herald.security.open-paths=", "herald.temporal.codec-endpoint.enabled=true"})
class CodecProxyIT extends HeraldIntegrationTest {

  private static final String UI_ORIGIN = "http://localhost:8233";
  private static final Pattern LISTENING = Pattern.compile("codec proxy on (http://127\\.0\\.0\\.1:\\d+)");
  private static final String SECRET = "\"ada@example.com\"";

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Process proxy;

  @AfterEach
  void stopProxy() {
    if (proxy != null) {
      proxy.destroyForcibly();
    }
  }

  @Test
  void theUiReadsPayloadsThroughTheProxyWithTheOperatorsKey() throws Exception {
    String proxyUrl = startProxy(ADMIN_KEY);

    HttpResponse<String> encoded = call(proxyUrl + "/encode", UI_ORIGIN, payloads(plainPayload()));
    assertThat(encoded.statusCode()).isEqualTo(200);
    assertThat(encoded.headers().firstValue("Access-Control-Allow-Origin")).contains(UI_ORIGIN);
    assertThat(encoded.body()).contains(base64("binary/encrypted")).doesNotContain(base64(SECRET));

    HttpResponse<String> decoded = call(proxyUrl + "/decode", UI_ORIGIN, encoded.body());
    assertThat(decoded.statusCode()).isEqualTo(200);
    assertThat(decoded.body()).contains(base64(SECRET), base64("json/plain"));

    HttpResponse<String> withoutKey = call("http://localhost:" + port + TemporalCodecController.PATH + "/decode", null,
        encoded.body());
    assertThat(withoutKey.statusCode()).as("Herald's endpoint itself, without a key").isEqualTo(401);
  }

  @Test
  void itAnswersTheUisOriginOnly() throws Exception {
    String proxyUrl = startProxy(ADMIN_KEY);

    HttpResponse<String> preflight = client.send(HttpRequest.newBuilder(URI.create(proxyUrl + "/decode"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", UI_ORIGIN)
        .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type,x-namespace")
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(UI_ORIGIN);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).contains("x-namespace");

    HttpResponse<String> foreign = call(proxyUrl + "/decode", "https://elsewhere.example", payloads(plainPayload()));
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void aSenderKeyDecodesNothing() throws Exception {
    String proxyUrl = startProxy(createKey("proxy-sender", "SENDER"));

    assertThat(call(proxyUrl + "/decode", UI_ORIGIN, payloads(plainPayload())).statusCode()).isEqualTo(403);
  }

  private String startProxy(String key) throws IOException {
    Path source = Path.of("").toAbsolutePath().getParent().resolve("temporal-dev/codec-proxy/CodecProxy.java");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        source.toString()).redirectErrorStream(true);
    builder.environment().put("HERALD_CODEC_ENDPOINT", "http://localhost:" + port + TemporalCodecController.PATH);
    builder.environment().put("HERALD_CODEC_KEY", key);
    builder.environment().put("CODEC_PROXY_PORT", "0");
    builder.environment().put("TEMPORAL_UI_ORIGIN", UI_ORIGIN);
    proxy = builder.start();
    BufferedReader output = new BufferedReader(new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = output.readLine()) != null) {
      Matcher listening = LISTENING.matcher(line);
      if (listening.find()) {
        return listening.group(1);
      }
    }
    throw new IllegalStateException("the codec proxy ended without listening, exit " + waitFor(proxy));
  }

  private HttpResponse<String> call(String url, String origin, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String plainPayload() {
    return "{\"metadata\":{\"encoding\":\"" + base64("json/plain") + "\"},\"data\":\"" + base64(SECRET) + "\"}";
  }

  private static String payloads(String payload) {
    return "{\"payloads\":[" + payload + "]}";
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static int waitFor(Process process) {
    try {
      return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
