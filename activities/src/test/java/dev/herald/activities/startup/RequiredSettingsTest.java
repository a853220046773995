package dev.herald.activities.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** An app names the settings of its infrastructure that are not given, and only those. */
class RequiredSettingsTest {

  private final RequiredSettings required = new RequiredSettings("Herald's API",
      List.of(RequiredSettings.TEMPORAL, RequiredSettings.POSTGRES, RequiredSettings.KAFKA), "Or run the dev kit.");

  @Test
  void onlyTheSettingsNotGivenAreNamed() {
    var environment = new MockEnvironment()
        .withProperty("herald.temporal.address", "temporal:7233")
        .withProperty("spring.datasource.url", " ")
        .withProperty("spring.kafka.bootstrap-servers", "kafka:9092");

    assertThat(required.missing(environment)).extracting(RequiredSettings.Setting::variable)
        .containsExactly("JDBC_URL");
  }

  @Test
  void withEverySettingGivenNothingIsMissing() {
    var environment = new MockEnvironment()
        .withProperty("herald.temporal.address", "temporal:7233")
        .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/herald")
        .withProperty("spring.kafka.bootstrap-servers", "kafka:9092");

    assertThat(required.missing(environment)).isEmpty();
  }

  @Test
  void thePublicUrlAndLinkKeysAreRequiredWithAnSmtpServerOnly() {
    var email = new RequiredSettings("Herald's worker", List.of(RequiredSettings.PUBLIC_URL, RequiredSettings.LINK_KEYS),
        "");

    assertThat(email.missing(new MockEnvironment())).as("no SMTP server: no email, no link").isEmpty();
    assertThat(email.missing(new MockEnvironment().withProperty("herald.email.smtp.host", "mail.example.com")))
        .extracting(RequiredSettings.Setting::variable).containsExactly("HERALD_PUBLIC_URL", "HERALD_PREFERENCE_LINK_KEYS");
  }
}
