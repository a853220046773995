package dev.herald.activities.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SkipReasonsTest {

  @Test
  void aSkipsCodeBecomesAFewWordsWhateverItsDetails() {
    assertThat(SkipReasons.classOf("opted-out:channel=email")).isEqualTo("opted_out");
    assertThat(SkipReasons.classOf("opted-out:address")).isEqualTo("opted_out");
    assertThat(SkipReasons.classOf("frequency-capped")).isEqualTo("capped");
    assertThat(SkipReasons.classOf("digested:digest-shop~ada~weekly")).isEqualTo("digested");
    assertThat(SkipReasons.classOf(null)).isEqualTo("not_needed");
    assertThat(SkipReasons.classOf("something-new")).isEqualTo(HeraldMeters.OTHER);
  }
}
