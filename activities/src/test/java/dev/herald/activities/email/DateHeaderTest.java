package dev.herald.activities.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.activities.MovableClock;
import jakarta.mail.internet.MailDateFormat;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateHeaderTest {

  private final MovableClock now = new MovableClock(Instant.parse("2026-11-05T09:04:07.250Z"));
  private final DateHeader header = new DateHeader(now);

  @Test
  void isAnRfc5322DateTimeInUtcThatJakartaMailParsesBack() throws Exception {
    String value = header.now();

    assertThat(value).isEqualTo("Thu, 5 Nov 2026 09:04:07 +0000");
    assertThat(new MailDateFormat().parse(value).toInstant()).isEqualTo(Instant.parse("2026-11-05T09:04:07Z"));
  }

  @Test
  void changesWithTheSecondNotBefore() {
    String first = header.now();
    now.set(Instant.parse("2026-11-05T09:04:07.999Z"));
    String sameSecond = header.now();
    now.set(Instant.parse("2026-11-05T09:04:08.001Z"));

    assertThat(sameSecond).isSameAs(first);
    assertThat(header.now()).isEqualTo("Thu, 5 Nov 2026 09:04:08 +0000");
  }
}
