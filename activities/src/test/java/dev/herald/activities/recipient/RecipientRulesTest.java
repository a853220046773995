package dev.herald.activities.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RecipientRulesTest {

  @Test
  void aValidRecipientIsNormalized() {
    var checked = RecipientRules.check(new RecipientData("ada", " Ada ", "ko-kr", "Asia/Seoul", "ada@example.com",
        "010-1234-5678", " U0123ABCD ", Map.of("plan", "pro")), "KR");

    assertThat(checked.valid()).isTrue();
    assertThat(checked.recipient()).isEqualTo(new RecipientData("ada", "Ada", "ko-KR", "Asia/Seoul", "ada@example.com",
        "+821012345678", "U0123ABCD", Map.of("plan", "pro")));
  }

  @Test
  void blankOptionalFieldsAreAbsent() {
    var checked = RecipientRules.check(new RecipientData("ada", "", " ", null, "", null, " ", null), null);

    assertThat(checked.valid()).isTrue();
    assertThat(checked.recipient()).isEqualTo(new RecipientData("ada", null, null, null, null, null, null, Map.of()));
  }

  @Test
  void everyBadFieldIsNamed() {
    var checked = RecipientRules.check(new RecipientData(" ", "x".repeat(201), "not a locale", "Mars/Olympus",
        "ada@", "12345", "#general", Map.of("blob", "y".repeat(RecipientRules.MAX_ATTRIBUTES_CHARS))), null);

    assertThat(checked.violations()).extracting(Violation::field)
        .containsExactly("id", "name", "locale", "timeZone", "email", "phone", "slack", "attributes");
  }

  @Test
  void aSlackIdIsAUserOrConversationIdAsSlackWritesIt() {
    assertThat(RecipientRules.isSlackId("U0123ABCD")).isTrue();
    assertThat(RecipientRules.isSlackId("W012A3CDE")).isTrue();
    assertThat(RecipientRules.isSlackId("C024BE91L")).isTrue();
    assertThat(RecipientRules.isSlackId("G0AB")).isTrue();
    assertThat(RecipientRules.isSlackId("D024BE91L")).isTrue();
    assertThat(RecipientRules.isSlackId("u0123abcd")).as("Slack's ids are upper case").isFalse();
    assertThat(RecipientRules.isSlackId("T0123ABCD")).as("a team id is no recipient").isFalse();
    assertThat(RecipientRules.isSlackId("#general")).isFalse();
    assertThat(RecipientRules.isSlackId("U1")).isFalse();
    assertThat(RecipientRules.isSlackId("U" + "1".repeat(21))).isFalse();
  }

  @Test
  void aNationalNumberNeedsADefaultRegion() {
    var withoutRegion = RecipientRules.check(new RecipientData("ada", null, null, null, null, "(415) 555-0123", null, null), null);
    var withRegion = RecipientRules.check(new RecipientData("ada", null, null, null, null, "(415) 555-0123", null, null), "US");

    assertThat(withoutRegion.violations()).extracting(Violation::field).containsExactly("phone");
    assertThat(withRegion.recipient().phone()).isEqualTo("+14155550123");
  }
}
