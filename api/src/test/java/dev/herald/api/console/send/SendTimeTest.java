package dev.herald.api.console.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.api.notification.InvalidRequestException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A send time typed in the form, in the sender's zone, as the instant the request carries. */
class SendTimeTest {

  @Test
  void aLocalTimeInTheSendersZoneIsThatInstant() {
    assertThat(SendTime.instant("2026-05-01T09:30", "Asia/Seoul")).isEqualTo(Instant.parse("2026-05-01T00:30:00Z"));
    assertThat(SendTime.instant("2026-01-15T09:30:15", "America/New_York"))
        .isEqualTo(Instant.parse("2026-01-15T14:30:15Z"));
  }

  @Test
  void withoutAZoneTheTimeIsUtc() {
    assertThat(SendTime.instant("2026-05-01T09:30", "")).isEqualTo(Instant.parse("2026-05-01T09:30:00Z"));
    assertThat(SendTime.zone(null).getId()).isEqualTo("Z");
  }

  @Test
  void noTimeMeansNow() {
    assertThat(SendTime.instant("  ", "Asia/Seoul")).isNull();
  }

  @Test
  void aTimeTheClockSkipsIsTakenAfterTheGapAndARepeatedOneAsTheFirst() {
    // Berlin: 2026-03-29 02:00 -> 03:00; 2026-10-25 03:00 -> 02:00
    assertThat(SendTime.instant("2026-03-29T02:30", "Europe/Berlin")).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    assertThat(SendTime.instant("2026-10-25T02:30", "Europe/Berlin")).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
  }

  @Test
  void anUnknownZoneOrAMalformedTimeNamesSendAt() {
    assertThatThrownBy(() -> SendTime.instant("2026-05-01T09:30", "Mars/Olympus"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e ->
            assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("sendAt")));
    assertThatThrownBy(() -> SendTime.instant("tomorrow at nine", "Asia/Seoul"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e ->
            assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("2026-05-01T09:30")));
  }
}
