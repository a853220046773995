package dev.herald.activities.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.herald.activities.channel.AttachmentLink;
import dev.herald.activities.channel.OutgoingMessage;
import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.activities.channel.RenderedMessage;
import dev.herald.activities.twilio.StatusCallbacks;
import dev.herald.activities.twilio.TwilioAccount;
import dev.herald.activities.twilio.TwilioFixtures;
import dev.herald.activities.twilio.TwilioHttpClient;
import dev.herald.activities.twilio.TwilioProperties;
import dev.herald.activities.twilio.TwilioStub;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.Recipient;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SMS channel, with the real Twilio SDK talking HTTP to a stub. */
class SmsChannelTest {

  private static final String TO = "+14155550100";

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
  void sendsThroughTheMessagesApiWithTheSendersNumberAndAStatusCallbackForTheDelivery() {
    ProviderReceipt receipt = activities(true).sendSms(sms("billing", TO), 1);

    assertThat(receipt.providerMessageId()).isEqualTo("SM0123456789abcdef0123456789abcdef");
    var request = twilio.received().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/twilio/2010-04-01/Accounts/" + TwilioStub.ACCOUNT_SID + "/Messages.json");
    assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
        (TwilioStub.ACCOUNT_SID + ":" + TwilioStub.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
    assertThat(request.form()).containsEntry("To", TO).containsEntry("From", TwilioFixtures.BILLING_FROM)
        .containsEntry("Body", "안녕하세요 🚚")
        .containsEntry("StatusCallback",
            "https://herald.example.com/api/v1/webhooks/twilio/status?deliveryId=notification-n1%2Fsms%2F0");
  }

  @Test
  void eachAttachmentLinkGoesOnALineOfItsOwnAfterTheBody() {
    activities(true).send(message("Your files", List.of(link("a"), link("b"))), 1);

    assertThat(twilio.received().get(0).form()).containsEntry("Body",
        "Your files\nhttps://herald.example.com/a\nhttps://herald.example.com/b");
  }

  @Test
  void aBodyTheLinksTakePastTwiliosLimitFailsForGoodWithoutACall() {
    ApplicationFailure failure = catchThrowableOfType(ApplicationFailure.class, () -> activities(true)
        .send(message("x".repeat(SmsChannel.MAX_BODY_CHARS - 10), List.of(link("a"))), 1));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getDetails().get(DeliveryError.class).providerCode()).isEqualTo(SmsChannel.TOO_LONG_WITH_LINKS);
    assertThat(twilio.received()).isEmpty();
  }

  @Test
  void aSenderWithoutItsOwnNumberUsesTheDefaultAndNoPublicUrlMeansNoCallback() {
    activities(false).sendSms(sms("newsletter", TO), 1);

    assertThat(twilio.received().get(0).form()).containsEntry("From", TwilioFixtures.DEFAULT_FROM)
        .doesNotContainKey("StatusCallback");
  }

  @ParameterizedTest
  @CsvSource({
    "400, 21211, INVALID_ADDRESS",
    "400, 21614, INVALID_ADDRESS",
    "400, 21617, MESSAGE_REJECTED",
    "401, 20003, MESSAGE_REJECTED",
    "404, 20404, MESSAGE_REJECTED"
  })
  void permanentTwilioErrorsAreNotRetriedAndKeepTwilioCode(int status, int code, DeliveryErrorType type) {
    twilio.answerError(status, code, Map.of());

    ApplicationFailure failure = failureOf(activities(true), sms("billing", TO));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(type.name());
    DeliveryError error = failure.getDetails().get(DeliveryError.class);
    assertThat(error.type()).isEqualTo(type);
    assertThat(error.providerCode()).isEqualTo("twilio-" + code);
    assertThat(twilio.received()).hasSize(1);
  }

  @Test
  void anUnsubscribedRecipientIsAnOptOutNotRetried() {
    twilio.answerError(400, 21610, Map.of());

    ApplicationFailure failure = failureOf(activities(true), sms("billing", TO));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo("RECIPIENT_OPTED_OUT");
    assertThat(failure.getDetails().get(DeliveryError.class).providerCode()).isEqualTo("twilio-21610");
  }

  @Test
  void tooManyRequestsIsRetriedAfterTheRetryAfterDelay() {
    twilio.answerError(429, 20429, Map.of("Retry-After", "7"));

    ApplicationFailure failure = failureOf(activities(true), sms("billing", TO));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo("RATE_LIMITED");
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
    assertThat(failure.getDetails().get(DeliveryError.class).providerCode()).isEqualTo("twilio-20429");
    assertThat(twilio.received()).hasSize(1);
  }

  @Test
  void aServerErrorIsRetriedByTemporalAloneNotBehindItsBackByTheSdk() {
    twilio.answerError(500, 20500, Map.of());

    ApplicationFailure failure = failureOf(activities(true), sms("billing", TO));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo("PROVIDER_UNAVAILABLE");
    assertThat(failure.getDetails().get(DeliveryError.class).providerCode()).isEqualTo("twilio-20500");
    assertThat(twilio.received()).hasSize(1);
  }

  @Test
  void aServerErrorWithoutABodyIsRetryable() {
    twilio.answerEmpty(503);

    ApplicationFailure failure = failureOf(activities(true), sms("billing", TO));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo("PROVIDER_UNAVAILABLE");
    assertThat(twilio.received()).hasSize(1);
  }

  @Test
  void aTimeoutIsRetryable() {
    twilio.hang();

    ApplicationFailure failure = failureOf(activities(true), sms("billing", TO));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo("PROVIDER_UNAVAILABLE");
    assertThat(failure.getDetails().get(DeliveryError.class).providerCode()).isNull();
  }

  private SmsChannel activities(boolean withCallbacks) {
    TwilioProperties properties = TwilioFixtures.properties(Map.of());
    TwilioAccount account = twilio.account(withCallbacks);
    TwilioHttpClient http = TwilioFixtures.httpClient(account, properties);
    var sender = new TwilioSmsSender(TwilioFixtures.restClient(account, http), http, properties,
        new StatusCallbacks(account));
    return new SmsChannel(sender);
  }

  private static OutgoingMessage message(String body, List<AttachmentLink> links) {
    return new OutgoingMessage("notification-n1/sms/0", "notification-n1", "billing", Channel.SMS, TO,
        new Recipient(null, null, TO, null, null, null), new RenderedMessage(null, null, body, null), null, null, null,
        List.of(), links, null);
  }

  private static AttachmentLink link(String path) {
    return new AttachmentLink(path + ".pdf", "application/pdf", "https://herald.example.com/" + path);
  }

  private static SmsMessage sms(String sender, String to) {
    return new SmsMessage("notification-n1/sms/0", "notification-n1", sender, to, "안녕하세요 🚚");
  }

  private static ApplicationFailure failureOf(SmsChannel activities, SmsMessage message) {
    return catchThrowableOfType(ApplicationFailure.class, () -> activities.sendSms(message, 1));
  }
}
