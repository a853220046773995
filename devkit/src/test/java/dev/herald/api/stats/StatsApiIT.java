package dev.herald.api.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * GET /api/v1/stats over a mix of SMS sends through the Twilio simulator at LOW priority (no other test
 * sends SMS at LOW): two delivered by receipt, one refused for good (a dead letter), one skipped. Its counts
 * match the delivery log's, with percentiles of the times to the provider and to the receipt.
 */
class StatsApiIT extends HeraldIntegrationTest {

  @Test
  @SuppressWarnings("unchecked")
  void theWindowCountsEachOutcomeOfTheLogWithItsRatesAndPercentiles() {
    Instant since = Instant.now().minusSeconds(1);
    List<String> ids = List.of(
        send("stats-delivered-1", "+14155550131"),
        send("stats-delivered-2", "+14155550132"),
        send("stats-failed", "+15005550001"),     // Twilio's 21211: failed for good, a dead letter
        send("stats-skipped", "+15005550004"));   // Twilio's 21610: the number opted out, skipped
    await().atMost(DELIVERY_WAIT).until(() -> ids.stream().allMatch(this::settled));

    Instant until = Instant.now().plusSeconds(1);
    Map<String, Object> stats = stats("?since=" + since + "&until=" + until).getBody();

    Map<String, Object> sms = ((List<Map<String, Object>>) stats.get("byChannelAndPriority")).stream()
        .filter(r -> "SMS".equals(r.get("channel")) && "LOW".equals(r.get("priority"))).findFirst().orElseThrow();
    Map<String, Long> log = logged(ids);
    assertThat(sms).containsEntry("sent", 2).containsEntry("delivered", 2).containsEntry("failed", 1)
        .containsEntry("skipped", 1).containsEntry("cancelled", 0).containsEntry("deadLettered", 1)
        .containsEntry("tried", 3);
    assertThat(((Number) sms.get("sent")).longValue()).isEqualTo(log.get("sent"));
    assertThat(((Number) sms.get("delivered")).longValue()).isEqualTo(log.get("delivered"));
    assertThat(((Number) sms.get("failed")).longValue()).isEqualTo(log.get("failed"));
    assertThat(((Number) sms.get("skipped")).longValue()).isEqualTo(log.get("skipped"));
    assertThat(((Number) sms.get("failureRate")).doubleValue()).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    for (String time : List.of("toProvider", "toReceipt")) {
      Map<String, Object> t = (Map<String, Object>) sms.get(time);
      assertThat(t).as(time).containsEntry("count", 2);
      assertThat(((Number) t.get("p50Ms")).longValue()).as(time).isNotNegative()
          .isLessThanOrEqualTo(((Number) t.get("p99Ms")).longValue());
    }
    assertThat(((Number) ((Map<String, Object>) sms.get("toReceipt")).get("p50Ms")).longValue())
        .isGreaterThanOrEqualTo(((Number) ((Map<String, Object>) sms.get("toProvider")).get("p50Ms")).longValue());

    List<Map<String, Object>> minutes = ((List<Map<String, Object>>) stats.get("perMinute")).stream()
        .filter(m -> "SMS".equals(m.get("channel"))).toList();
    for (String outcome : List.of("SENT", "DELIVERED", "FAILED", "SKIPPED", "DEAD_LETTERED")) {
      long perMinute = minutes.stream().filter(m -> outcome.equals(m.get("outcome")))
          .mapToLong(m -> ((Number) m.get("count")).longValue()).sum();
      assertThat(perMinute).as(outcome).isGreaterThanOrEqualTo(outcome.equals("SENT") || outcome.equals("DELIVERED") ? 2 : 1);
    }
    assertThat((Map<String, Object>) stats.get("now")).containsKeys("backlog", "awaitingApproval", "scheduled",
        "deadLettersOpen");
    assertThat(((Number) ((Map<String, Object>) stats.get("now")).get("deadLettersOpen")).longValue()).isPositive();
  }

  @Test
  void withoutAWindowItIsTheLastHour() {
    Map<String, Object> stats = stats("").getBody();
    Instant since = Instant.parse((String) stats.get("since"));
    Instant until = Instant.parse((String) stats.get("until"));
    assertThat(ChronoUnit.MINUTES.between(since, until)).isEqualTo(60);
    assertThat(until).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
  }

  @Test
  void theDefaultWindowIsAnsweredFromAShortCacheAndAnAskedWindowNever() {
    assertThat(stats("").getBody().get("until")).as("two asks within herald.stats.cache-for")
        .isEqualTo(stats("").getBody().get("until"));

    String asked = "?since=" + Instant.now().minusSeconds(60);
    assertThat(stats(asked).getBody().get("until")).isNotEqualTo(stats(asked).getBody().get("until"));
  }

  @Test
  void anEmptyWindowOrOneLongerThanTheLimitIsA400Problem() {
    Instant now = Instant.now();
    for (String query : List.of("?since=" + now + "&until=" + now, "?since=" + now + "&until=" + now.minusSeconds(60),
        "?since=" + now.minus(25, ChronoUnit.HOURS) + "&until=" + now, "?since=yesterday")) {
      ResponseEntity<Map<String, Object>> answer = stats(query);
      assertThat(answer.getStatusCode().value()).as(query).isEqualTo(400);
      assertThat(answer.getHeaders().getContentType()).as(query).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @Test
  void aSenderKeyIsForbidden() {
    var answer = http(senderKey("stats-sender")).get().uri("/api/v1/stats").retrieve().toBodilessEntity();
    assertThat(answer.getStatusCode().value()).isEqualTo(403);
  }

  private ResponseEntity<Map<String, Object>> stats(String query) {
    return http().get().uri("/api/v1/stats" + query).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
        .retrieve().toEntity(new ParameterizedTypeReference<>() {});
  }

  private String send(String key, String phone) {
    var accepted = post("/api/v1/notifications", "{\"idempotencyKey\":\"" + key + "\",\"channels\":[\"SMS\"],"
        + "\"priority\":\"LOW\",\"recipients\":[{\"phone\":\"" + phone + "\"}],\"body\":\"Stats\"}");
    assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(202);
    return notificationId(key);
  }

  /** Final, and its receipt in when the provider accepted it. */
  @SuppressWarnings("unchecked")
  private boolean settled(String id) {
    Map<String, Object> n = get("/api/v1/notifications/" + id).getBody();
    List<Map<String, Object>> deliveries = (List<Map<String, Object>>) n.get("deliveries");
    return deliveries != null && !deliveries.isEmpty() && deliveries.stream()
        .allMatch(d -> List.of("DELIVERED", "FAILED", "SKIPPED").contains(d.get("status")));
  }

  /** The deliveries' statuses as the notifications' own pages show them. */
  @SuppressWarnings("unchecked")
  private Map<String, Long> logged(List<String> ids) {
    Map<String, Long> counts = new java.util.HashMap<>(Map.of("sent", 0L, "delivered", 0L, "failed", 0L, "skipped", 0L));
    for (String id : ids) {
      for (Map<String, Object> d : (List<Map<String, Object>>) get("/api/v1/notifications/" + id).getBody().get("deliveries")) {
        String status = (String) d.get("status");
        counts.merge(status.toLowerCase(), 1L, Long::sum);
        if (status.equals("DELIVERED")) {
          counts.merge("sent", 1L, Long::sum);
        }
      }
    }
    return counts;
  }
}
