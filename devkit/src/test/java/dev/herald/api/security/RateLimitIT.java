package dev.herald.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;

/**
 * Failed authentications for one key prefix are answered 429 beyond the limit (5 per 5 s in the
 * tests' settings), and the prefix is let through again once its window ends. The limit per source
 * address: FailedAttemptsTest (every test calls from one address).
 */
class RateLimitIT extends HeraldIntegrationTest {

  static final String WRONG = "hk_ratelim1_a-wrong-secret-for-this-prefix-0123456789";

  @Test
  void tooManyFailuresForAPrefixAre429UntilTheWindowEnds() {
    for (int i = 0; i < 5; i++) {
      assertThat(call().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    var limited = call();

    assertThat(limited.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(Integer.parseInt(limited.getHeaders().getFirst("Retry-After"))).isBetween(1, 5);
    assertThat(limited.getBody()).containsEntry("type", "/problems/too-many-attempts");
    assertThat(http().get().uri("/api/v1/templates").retrieve().toBodilessEntity().getStatusCode())
        .as("other keys pass").isEqualTo(HttpStatus.OK);
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
        .until(() -> call().getStatusCode() == HttpStatus.UNAUTHORIZED);
  }

  private org.springframework.http.ResponseEntity<Map<String, Object>> call() {
    return http(WRONG).get().uri("/api/v1/templates").retrieve().toEntity(new ParameterizedTypeReference<>() {});
  }
}
