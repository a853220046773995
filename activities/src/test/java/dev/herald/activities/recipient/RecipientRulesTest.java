package dev.herald.activities.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RecipientRulesTest {

  @Test
  void aValidRecipientIsNormalized() {
    var checked = RecipientRules.check(new RecipientData("ada", " Ada ", "ko-kr", "Asia/Seoul", "ada@example.com",
        "010-1234-5678", Map.of("plan", "pro")), "KR");

    assertThat(checked.valid()).isTrue();
    assertThat(checked.recipient()).isEqualTo(new RecipientData("ada", "Ada", "ko-KR", "Asia/Seoul", "ada@example.com",
        "+821012345678", Map.of("plan", "pro")));
  }

  @Test
  void blankOptionalFieldsAreAbsent() {
    var checked = RecipientRules.check(new RecipientData("ada", "", " ", null, "", null, null), null);

    assertThat(checked.valid()).isTrue();
    assertThat(checked.recipient()).isEqualTo(new RecipientData("ada", null, null, null, null, null, Map.of()));
  }

  @Test
  void everyBadFieldIsNamed() {
    var checked = RecipientRules.check(new RecipientData(" ", "x".repeat(201), "not a locale", "Mars/Olympus",
        "ada@", "12345", Map.of("blob", "y".repeat(RecipientRules.MAX_ATTRIBUTES_CHARS))), null);

    assertThat(checked.violations()).extracting(Violation::field)
        .containsExactly("id", "name", "locale", "timeZone", "email", "phone", "attributes");
  }

  @Test
  void aNationalNumberNeedsADefaultRegion() {
    var withoutRegion = RecipientRules.check(new RecipientData("ada", null, null, null, null, "(415) 555-0123", null), null);
    var withRegion = RecipientRules.check(new RecipientData("ada", null, null, null, null, "(415) 555-0123", null), "US");

    assertThat(withoutRegion.violations()).extracting(Violation::field).containsExactly("phone");
    assertThat(withRegion.recipient().phone()).isEqualTo("+14155550123");
  }
}
