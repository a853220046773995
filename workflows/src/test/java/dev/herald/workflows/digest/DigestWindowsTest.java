package dev.herald.workflows.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.workflows.messages.DigestRule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DigestWindowsTest {

  private static final DigestRule NINE_AM = new DigestRule("news", null, LocalTime.of(9, 0));

  @Test
  void aWindowOfALengthEndsThatLongAfterItsFirstEvent() {
    Instant opened = Instant.parse("2026-12-04T01:00:00Z");

    assertThat(DigestWindows.endOf(new DigestRule("news", Duration.ofMinutes(10), null), opened, "Asia/Seoul"))
        .isEqualTo(Instant.parse("2026-12-04T01:10:00Z"));
  }

  @Test
  void aDailyWindowEndsAtTheNextDailyTimeInTheRecipientsZone() {
    assertThat(DigestWindows.endOf(NINE_AM, Instant.parse("2026-12-03T23:00:00Z"), "Asia/Seoul"))
        .as("08:00 in Seoul: today at nine").isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
    assertThat(DigestWindows.endOf(NINE_AM, Instant.parse("2026-12-04T00:00:00Z"), "Asia/Seoul"))
        .as("09:00 sharp in Seoul: tomorrow").isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));
  }

  @Test
  void aDailyWindowFollowsTheRecipientsDaylightSavingTime() {
    assertThat(DigestWindows.endOf(NINE_AM, Instant.parse("2026-03-08T06:30:00Z"), "America/New_York"))
        .as("01:30 EST, the night clocks go forward: nine EDT").isEqualTo(Instant.parse("2026-03-08T13:00:00Z"));
    assertThat(DigestWindows.endOf(new DigestRule("news", null, LocalTime.of(2, 30)),
        Instant.parse("2026-03-08T06:30:00Z"), "America/New_York"))
        .as("02:30 does not exist that night: the wall clock after the gap").isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
  }

  @Test
  void aRecipientWithoutAKnownZoneGetsUtc() {
    Instant opened = Instant.parse("2026-12-04T10:00:00Z");

    assertThat(DigestWindows.endOf(NINE_AM, opened, null)).isEqualTo(Instant.parse("2026-12-05T09:00:00Z"));
    assertThat(DigestWindows.endOf(NINE_AM, opened, "Mars/Olympus")).isEqualTo(Instant.parse("2026-12-05T09:00:00Z"));
  }
}
