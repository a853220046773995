package dev.herald.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * Failed authentications for one key prefix are answered 429 beyond the limit (5 per 5 s in the
 * tests' settings), and the prefix is let through again once its window ends. The limit per source
 * address: FailedAttemptsTest (every test calls from one address).
 */
class RateLimitIT extends HeraldIntegrationTest {

  static final String WRONG = "hk_ratelim1_a-wrong-secret-for-this-prefix-0123456789";

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void tooManyFailuresForAPrefixAre429UntilTheWindowEnds() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(call().statusCode()).isEqualTo(401);
    }
    var limited = call();

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 5);
    assertThat(limited.body()).contains("\"type\":\"/problems/too-many-attempts\"");
    assertThat(http().get().uri("/api/v1/templates").retrieve().toBodilessEntity().getStatusCode())
        .as("other keys pass").isEqualTo(HttpStatus.OK);
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
        .until(() -> call().statusCode() == 401);
  }

  /** With the JDK's client, which does not retry: Apache HttpClient (RestClient's choice here) retries a 429 after Retry-After. */
  private HttpResponse<String> call() throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/templates"))
        .header("Authorization", "Bearer " + WRONG).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
