package dev.herald.activities.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.activities.twilio.StatusCallbacks;
import dev.herald.activities.twilio.TwilioAccount;
import dev.herald.activities.twilio.TwilioFixtures;
import dev.herald.activities.twilio.TwilioHttpClient;
import dev.herald.activities.twilio.TwilioProperties;
import dev.herald.activities.twilio.TwilioStub;
import dev.herald.workflows.messages.DeliveryError;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The voice channel, with the real Twilio SDK talking HTTP to a stub. */
class VoiceChannelTest {

  private static final String TO = "+821012345678";

  private TwilioStub twilio;

  @BeforeEach
  void start() throws Exception {
    twilio = new TwilioStub();
  }

  @AfterEach
  void stop() {
    twilio.close();
  }

  @Test
  void placesACallThatSaysTheTextInTheRecipientsLanguageAndReportsCompletion() {
    ProviderReceipt receipt = activities().placeCall(call("ko-KR"), 1);

    assertThat(receipt.providerMessageId()).isEqualTo("CA0123456789abcdef0123456789abcdef");
    var request = twilio.received().get(0);
    assertThat(request.path()).isEqualTo("/twilio/2010-04-01/Accounts/" + TwilioStub.ACCOUNT_SID + "/Calls.json");
    assertThat(request.form()).containsEntry("To", TO).containsEntry("From", TwilioFixtures.BILLING_FROM)
        .containsEntry("Twiml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
            + "<Say language=\"ko-KR\" loop=\"2\" voice=\"Polly.Seoyeon\">배송이 시작되었습니다</Say></Response>")
        .containsEntry("StatusCallback",
            "https://herald.example.com/api/v1/webhooks/twilio/status?deliveryId=notification-n1%2Fvoice%2F0")
        .containsEntry("StatusCallbackEvent", "completed");
  }

  @Test
  void anInvalidNumberFailsForGood() {
    twilio.answerError(400, 21211, Map.of());

    ApplicationFailure cause = catchThrowableOfType(ApplicationFailure.class, () -> activities().placeCall(call("ko-KR"), 1));
    assertThat(cause.isNonRetryable()).isTrue();
    assertThat(cause.getType()).isEqualTo("INVALID_ADDRESS");
    assertThat(cause.getDetails().get(DeliveryError.class).providerCode()).isEqualTo("twilio-21211");
  }

  private VoiceChannel activities() {
    TwilioProperties properties = TwilioFixtures.properties(Map.of("ko", new TwilioProperties.Voice("ko-KR", "Polly.Seoyeon")));
    TwilioAccount account = twilio.account(true);
    TwilioHttpClient http = TwilioFixtures.httpClient(account, properties);
    var sender = new TwilioVoiceSender(TwilioFixtures.restClient(account, http), http, properties,
        new StatusCallbacks(account));
    return new VoiceChannel(sender);
  }

  private static VoiceCall call(String locale) {
    return new VoiceCall("notification-n1/voice/0", "notification-n1", "billing", TO, "배송이 시작되었습니다", locale);
  }
}
