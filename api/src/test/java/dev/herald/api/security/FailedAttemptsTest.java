package dev.herald.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailedAttemptsTest {

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MovableClock clock = new MovableClock();
  final FailedAttempts attempts = new FailedAttempts(
      new SecurityProperties.FailedAttempts(3, 2, Duration.ofMinutes(1), 100), clock);

  @Test
  void anAddressIsBlockedAfterItsLimitUntilTheWindowEnds() {
    attempts.failed("10.0.0.1", null);
    attempts.failed("10.0.0.1", null);
    assertThat(attempts.addressBlocked("10.0.0.1")).isEmpty();
    attempts.failed("10.0.0.1", null);

    clock.now = clock.now.plusSeconds(20);
    assertThat(attempts.addressBlocked("10.0.0.1")).contains(Duration.ofSeconds(40));
    assertThat(attempts.addressBlocked("10.0.0.2")).as("another address").isEmpty();

    clock.now = clock.now.plusSeconds(40);
    assertThat(attempts.addressBlocked("10.0.0.1")).as("a new window").isEmpty();
  }

  @Test
  void aPrefixIsCountedApartFromTheAddresses() {
    attempts.failed("10.0.0.1", "abcdefgh");
    attempts.failed("10.0.0.2", "abcdefgh");

    assertThat(attempts.prefixBlocked("abcdefgh")).isPresent();
    assertThat(attempts.addressBlocked("10.0.0.1")).isEmpty();
  }

  @Test
  void memoryIsBoundedByForgettingTheLeastRecentlyFailing() {
    FailedAttempts few = new FailedAttempts(new SecurityProperties.FailedAttempts(1, 1, Duration.ofMinutes(1), 2), clock);
    few.failed("a", null);
    few.failed("b", null);
    few.failed("c", null);

    assertThat(few.addressBlocked("a")).as("forgotten").isEmpty();
    assertThat(few.addressBlocked("b")).isPresent();
    assertThat(few.addressBlocked("c")).isPresent();
  }
}
