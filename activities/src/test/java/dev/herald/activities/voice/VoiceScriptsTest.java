package dev.herald.activities.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.twiml.voice.Say;
import dev.herald.activities.twilio.TwilioFixtures;
import dev.herald.activities.twilio.TwilioProperties.Voice;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VoiceScriptsTest {

  private final VoiceScripts scripts = new VoiceScripts(TwilioFixtures.properties(Map.of(
      "ko", new Voice("ko-KR", "Polly.Seoyeon"),
      "en-US", new Voice("en-US", "Polly.Joanna"),
      "en-GB", new Voice("en-GB", ""))));

  @Test
  void saysTheTextTwiceInTheConfiguredVoiceOfTheRecipientsLanguage() {
    assertThat(scripts.twiml("주문이 발송되었습니다", "ko-KR")).isEqualTo(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
            + "<Say language=\"ko-KR\" loop=\"2\" voice=\"Polly.Seoyeon\">주문이 발송되었습니다</Say></Response>");
  }

  @Test
  void aFullTagWinsOverItsLanguage() {
    assertThat(scripts.speakerFor("en-GB")).isEqualTo(new VoiceScripts.Speaker(Say.Language.EN_GB, null));
    assertThat(scripts.speakerFor("en-US")).isEqualTo(new VoiceScripts.Speaker(Say.Language.EN_US, Say.Voice.POLLY_JOANNA));
  }

  @Test
  void aLanguageWithoutAConfiguredVoiceGetsTwiliosDefaultVoiceForIt() {
    assertThat(scripts.speakerFor("ja-JP")).isEqualTo(new VoiceScripts.Speaker(Say.Language.JA_JP, null));
    assertThat(scripts.speakerFor("de")).isEqualTo(new VoiceScripts.Speaker(Say.Language.DE_DE, null));
  }

  @Test
  void noLocaleOrOneTwilioCannotSpeakFallsBackToUsEnglish() {
    VoiceScripts.Speaker english = new VoiceScripts.Speaker(Say.Language.EN_US, Say.Voice.POLLY_JOANNA);
    assertThat(scripts.speakerFor(null)).isEqualTo(english);
    assertThat(scripts.speakerFor("xx-YY")).isEqualTo(english);
    assertThat(scripts.speakerFor("not a tag")).isEqualTo(english);
  }

  @Test
  void theTextIsEscapedAsXml() {
    assertThat(scripts.twiml("Tom & Jerry <3", "en-US")).contains(">Tom &amp; Jerry &lt;3</Say>");
  }

  @Test
  void anUnknownConfiguredVoiceFailsAtStartup() {
    assertThatThrownBy(() -> new VoiceScripts(TwilioFixtures.properties(Map.of("ko", new Voice("ko-KR", "Polly.Nobody")))))
        .hasMessageContaining("herald.twilio.voices.ko.voice");
  }
}
