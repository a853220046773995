package dev.herald.activities.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SendMetersTest {

  @Test
  void utf8LengthCountsBytesNotChars() {
    assertThat(SendMeters.utf8Length("abc")).isEqualTo(3);
    assertThat(SendMeters.utf8Length("é")).isEqualTo(2);
    assertThat(SendMeters.utf8Length("할인")).isEqualTo(6);
    assertThat(SendMeters.utf8Length("😀")).isEqualTo(4);
    assertThat(SendMeters.utf8Length(null)).isZero();
  }
}
