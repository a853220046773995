package dev.herald.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WorkflowSummaryTest {

  @Test
  void aShortSummaryIsKept() {
    assertThat(WorkflowSummary.clamp("EMAIL to 1 recipient(s) from billing, NORMAL priority"))
        .isEqualTo("EMAIL to 1 recipient(s) from billing, NORMAL priority");
  }

  @Test
  void aLongSummaryInAnotherScriptIsCutOnACharacterBoundaryWithinTheServersCap() {
    String summary = "EMAIL to group vip (3 members) from " + "발신자🚚".repeat(100) + ", NORMAL priority";

    String clamped = WorkflowSummary.clamp(summary);

    assertThat(clamped.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(WorkflowSummary.MAX_BYTES);
    assertThat(clamped).endsWith("…").startsWith("EMAIL to group vip (3 members) from 발신자🚚");
    assertThat(new String(clamped.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(clamped);
  }
}
