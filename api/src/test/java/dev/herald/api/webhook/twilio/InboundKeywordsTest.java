package dev.herald.api.webhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.webhook.twilio.InboundKeywords.Intent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InboundKeywordsTest {

  @ParameterizedTest
  @ValueSource(strings = {"STOP", "stop", " Stop! ", "STOPALL", "unsubscribe", "CANCEL", "end", "Quit."})
  void optOutKeywords(String body) {
    assertThat(InboundKeywords.of(body)).contains(Intent.OPT_OUT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"START", "start", "UNSTOP", "yes"})
  void optInKeywords(String body) {
    assertThat(InboundKeywords.of(body)).contains(Intent.OPT_IN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"stop it", "please stop", "STOPP", "", "hello"})
  void otherTextIsNoKeyword(String body) {
    assertThat(InboundKeywords.of(body)).isEmpty();
  }
}
