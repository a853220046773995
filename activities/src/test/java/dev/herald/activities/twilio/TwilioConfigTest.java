package dev.herald.activities.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.activities.startup.StartupFailure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A configured Twilio account needs its auth token and a number to send from; there is no default number. */
class TwilioConfigTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(TwilioConfig.class)
      .withPropertyValues("herald.twilio.account-sid=" + TwilioStub.ACCOUNT_SID,
          "herald.twilio.auth-token=" + TwilioStub.AUTH_TOKEN);

  @Test
  void anAccountWithoutANumberToSendFromStopsTheStartNamingTheSetting() {
    context.run(app -> assertThat(app).hasFailed().getFailure()
        .hasRootCauseInstanceOf(StartupFailure.class)
        .rootCause().hasMessageContaining("herald.twilio.default-from (TWILIO_FROM_NUMBER)"));
  }

  @Test
  void anAccountWithoutItsAuthTokenStopsTheStartNamingTheSetting() {
    context.withPropertyValues("herald.twilio.auth-token=", "herald.twilio.default-from=+15017122661")
        .run(app -> assertThat(app).hasFailed().getFailure()
            .hasRootCauseInstanceOf(StartupFailure.class)
            .rootCause().hasMessageContaining("herald.twilio.auth-token (TWILIO_AUTH_TOKEN)"));
  }

  @Test
  void anAccountWithItsNumberSendsFromIt() {
    context.withPropertyValues("herald.twilio.default-from=+15017122661").run(app -> {
      assertThat(app).hasSingleBean(TwilioAccount.class);
      assertThat(app.getBean(TwilioProperties.class).fromFor("anyone")).isEqualTo("+15017122661");
    });
  }

  @Test
  void withoutAnAccountNoNumberIsNeeded() {
    new ApplicationContextRunner().withUserConfiguration(TwilioConfig.class)
        .run(app -> assertThat(app).hasNotFailed().doesNotHaveBean(TwilioAccount.class));
  }
}
