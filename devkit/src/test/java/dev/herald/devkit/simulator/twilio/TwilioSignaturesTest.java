package dev.herald.devkit.simulator.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator signs as Twilio does: the SDK's own validator accepts its signatures. */
class TwilioSignaturesTest {

  private static final String TOKEN = "12345";
  private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
  private static final Map<String, String> PARAMS = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030",
      "Digits", "1234", "From", "+12349013030", "To", "+18005551212");

  @Test
  void matchesTheExampleInTwiliosSecurityDocumentation() {
    assertThat(TwilioSignatures.sign(TOKEN, URL, PARAMS)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
  }

  @Test
  void theSdksRequestValidatorAcceptsItAndRejectsAnyChange() {
    RequestValidator validator = new RequestValidator(TOKEN);
    String signature = TwilioSignatures.sign(TOKEN, URL, PARAMS);

    assertThat(validator.validate(URL, PARAMS, signature)).isTrue();
    assertThat(validator.validate(URL.replace("foo=1", "foo=2"), PARAMS, signature)).isFalse();
    assertThat(validator.validate(URL, Map.of("CallSid", "CA1234567890ABCDE"), signature)).isFalse();
    assertThat(new RequestValidator("other").validate(URL, PARAMS, signature)).isFalse();
  }
}
