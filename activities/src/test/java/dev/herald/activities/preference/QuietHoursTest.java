package dev.herald.activities.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

  private static final LocalTime TEN_PM = LocalTime.of(22, 0);
  private static final LocalTime EIGHT_AM = LocalTime.of(8, 0);

  @Test
  void acrossTheDateLineTheWindowIsTheRecipientsLocalNight() {
    var kiritimati = new QuietHours(TEN_PM, EIGHT_AM, ZoneId.of("Pacific/Kiritimati"));

    // 09:00 UTC on 4 December is 23:00 on 4 December in Kiritimati (UTC+14)
    assertThat(kiritimati.endOfWindowAt(Instant.parse("2026-12-04T09:00:00Z")))
        .contains(Instant.parse("2026-12-04T18:00:00Z"));
    // 07:59 local on 5 December, still inside; 08:00 local is outside
    assertThat(kiritimati.endOfWindowAt(Instant.parse("2026-12-04T17:59:00Z")))
        .contains(Instant.parse("2026-12-04T18:00:00Z"));
    assertThat(kiritimati.endOfWindowAt(Instant.parse("2026-12-04T18:00:00Z"))).isEmpty();
    // 12:00 UTC on 4 December is 02:00 on 5 December local: the same night's window
    assertThat(kiritimati.endOfWindowAt(Instant.parse("2026-12-04T12:00:00Z")))
        .contains(Instant.parse("2026-12-04T18:00:00Z"));
  }

  @Test
  void aWindowAcrossADstChangeEndsAtTheLocalTimeOnTheNewOffset() {
    var stJohns = new QuietHours(TEN_PM, EIGHT_AM, ZoneId.of("America/St_Johns"));

    // 1 March 2026, 01:00 NST (UTC-3:30): ends at 08:00 NST
    assertThat(stJohns.endOfWindowAt(Instant.parse("2026-03-01T04:30:00Z")))
        .contains(Instant.parse("2026-03-01T11:30:00Z"));
    // 8 March 2026, 01:00 NST; clocks go to NDT (UTC-2:30) at 02:00: ends at 08:00 NDT
    assertThat(stJohns.endOfWindowAt(Instant.parse("2026-03-08T04:30:00Z")))
        .contains(Instant.parse("2026-03-08T10:30:00Z"));
    // 31 October 2026, 23:00 NDT; back to NST on 1 November at 02:00: ends at 08:00 NST
    assertThat(stJohns.endOfWindowAt(Instant.parse("2026-11-01T01:30:00Z")))
        .contains(Instant.parse("2026-11-01T11:30:00Z"));
  }

  @Test
  void aDaytimeWindowAndNoWindow() {
    var lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), ZoneId.of("UTC"));

    assertThat(lunch.endOfWindowAt(Instant.parse("2026-12-04T12:30:00Z"))).contains(Instant.parse("2026-12-04T13:00:00Z"));
    assertThat(lunch.endOfWindowAt(Instant.parse("2026-12-04T13:00:00Z"))).isEmpty();
    assertThat(new QuietHours(EIGHT_AM, EIGHT_AM, ZoneId.of("UTC")).endOfWindowAt(Instant.parse("2026-12-04T08:00:00Z")))
        .isEmpty();
  }
}
