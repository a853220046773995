package dev.herald.activities.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class BoundedValuesTest {

  @Test
  void theAllowedAndTheFirstSeenKeepTheirValueAndTheRestAreOther() {
    BoundedValues senders = new BoundedValues(Set.of("billing"), 2);

    assertThat(senders.of("shop")).isEqualTo("shop");
    assertThat(senders.of("news")).isEqualTo("news");
    assertThat(senders.of("promo")).isEqualTo(HeraldMeters.OTHER);
    assertThat(senders.of("billing")).isEqualTo("billing");
    assertThat(senders.of("shop")).isEqualTo("shop");
    assertThat(senders.of(null)).isEqualTo(HeraldMeters.NONE);
  }
}
