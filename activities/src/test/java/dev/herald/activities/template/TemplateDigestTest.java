package dev.herald.activities.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.workflows.messages.DigestRule;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class TemplateDigestTest {

  @Test
  void aWindowIsALengthAsConfigurationWritesIt() {
    assertThat(new TemplateDigest(null, "10m", null).violations()).isEmpty();
    assertThat(new TemplateDigest(null, "PT2S", null).rule("replies"))
        .isEqualTo(new DigestRule("replies", Duration.ofSeconds(2), null));
    assertThat(new TemplateDigest("social", "2h", null).rule("replies").key()).isEqualTo("social");
  }

  @Test
  void aDailyTimeIsHoursAndMinutes() {
    assertThat(new TemplateDigest(null, null, "09:00").rule("news"))
        .isEqualTo(new DigestRule("news", null, LocalTime.of(9, 0)));
    assertThat(new TemplateDigest(null, null, "9:00").violations()).containsKey("dailyAt");
    assertThat(new TemplateDigest(null, null, "24:00").violations()).containsKey("dailyAt");
  }

  @Test
  void exactlyOneWindowOfABoundedLength() {
    assertThat(new TemplateDigest(null, "10m", "09:00").violations()).containsKey("window");
    assertThat(new TemplateDigest(null, null, null).violations()).containsKey("window");
    assertThat(new TemplateDigest(null, "0s", null).violations()).containsKey("window");
    assertThat(new TemplateDigest(null, "8d", null).violations()).containsKey("window");
    assertThat(new TemplateDigest(null, "soon", null).violations()).containsKey("window");
    assertThat(new TemplateDigest(null, "", null).violations()).containsKey("window");
  }

  @Test
  void aKeyFollowsTheTemplateKeyRule() {
    assertThat(new TemplateDigest("Replies!", "10m", null).violations()).containsOnlyKeys("key");
  }
}
