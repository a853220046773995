package dev.herald.api.webhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.messages.DeliveryStatus;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioStatusReceiptsTest {

  private static final String DELIVERY = "notification-n1/sms/0";

  @ParameterizedTest
  @CsvSource(nullValues = "-", value = {
    "sent, SENT, -",
    "delivered, DELIVERED, -",
    "read, DELIVERED, -",
    "undelivered, FAILED, twilio-30003",
    "failed, FAILED, twilio-30003"
  })
  void messageStatuses(String status, DeliveryStatus expected, String errorCode) {
    var params = errorCode == null
        ? Map.of("MessageSid", "SM1", "MessageStatus", status)
        : Map.of("MessageSid", "SM1", "MessageStatus", status, "ErrorCode", "30003");

    assertThat(TwilioStatusReceipts.from(DELIVERY, params))
        .contains(new DeliveryReceipt(DELIVERY, "SM1", expected, status, errorCode));
  }

  @ParameterizedTest
  @CsvSource(nullValues = "-", value = {
    "completed, DELIVERED, -",
    "busy, FAILED, twilio-busy",
    "no-answer, FAILED, twilio-no-answer",
    "failed, FAILED, twilio-failed",
    "canceled, FAILED, twilio-canceled"
  })
  void callOutcomes(String status, DeliveryStatus expected, String errorCode) {
    assertThat(TwilioStatusReceipts.from(DELIVERY, Map.of("CallSid", "CA1", "CallStatus", status)))
        .contains(new DeliveryReceipt(DELIVERY, "CA1", expected, status, errorCode));
  }

  @ParameterizedTest
  @CsvSource({"MessageStatus, queued", "MessageStatus, sending", "MessageStatus, accepted", "CallStatus, ringing",
    "CallStatus, in-progress", "Other, x"})
  void intermediateStatesAreNoReceipts(String parameter, String status) {
    assertThat(TwilioStatusReceipts.from(DELIVERY, Map.of(parameter, status))).isEmpty();
  }
}
