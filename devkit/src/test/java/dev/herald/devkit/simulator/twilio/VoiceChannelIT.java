package dev.herald.devkit.simulator.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Voice calls through the real Twilio SDK and the Twilio simulator; the outcome comes by status callback. */
class VoiceChannelIT extends TwilioIntegrationTest {

  @Test
  void aCompletedCallIsDeliveredAndSaidInTheRecipientsLanguage() {
    String phone = "+821012345672";

    post("/api/v1/notifications", request("voice-ok-1", List.of("VOICE"), null,
        Map.of("phone", phone, "locale", "ko-KR"), "주문하신 상품이 도착했습니다"));

    awaitStatus("notification-admin~voice-ok-1", "COMPLETED");
    SimulatedItem call = twilio.acceptedTo(phone).get(0);
    assertThat(call.content()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
        + "<Say language=\"ko-KR\" loop=\"2\" voice=\"Polly.Seoyeon\">주문하신 상품이 도착했습니다</Say></Response>");
    assertThat(call.callbacks()).extracting(SimulatedItem.Callback::status, SimulatedItem.Callback::answer)
        .containsExactly(tuple("completed", 204));
    assertThat(onlyDelivery("notification-admin~voice-ok-1")).containsEntry("status", "DELIVERED")
        .containsEntry("providerMessageId", call.sid());
  }

  @Test
  void aBusyCallFailsWithTheCallStatus() {
    String phone = "+14155550104";
    injectFault("{\"errorCode\":\"busy\",\"rate\":1}");

    post("/api/v1/notifications", request("voice-busy-1", List.of("VOICE"), null, Map.of("phone", phone), "Call me"));

    awaitStatus("notification-admin~voice-busy-1", "FAILED");
    assertThat(onlyDelivery("notification-admin~voice-busy-1")).containsEntry("status", "FAILED")
        .containsEntry("errorCode", "twilio-busy").containsEntry("lastError", "provider status: busy")
        .containsEntry("attempts", 1);
    assertThat(twilio.requestsTo(phone)).hasSize(1);
  }

  @Test
  void aRecipientWithoutALocaleIsCalledInUsEnglish() {
    String phone = "+14155550105";

    post("/api/v1/notifications", request("voice-en-1", List.of("VOICE"), null, Map.of("phone", phone), "Hello"));

    awaitStatus("notification-admin~voice-en-1", "COMPLETED");
    assertThat(twilio.acceptedTo(phone).get(0).content())
        .contains("<Say language=\"en-US\" loop=\"2\" voice=\"Polly.Joanna\">Hello</Say>");
  }

  @Test
  void anInvalidNumberIsNotCalledAgain() {
    String phone = "+15005550001";
    int earlierRequests = twilio.requestsTo(phone).size();

    post("/api/v1/notifications", request("voice-invalid-1", List.of("VOICE"), null, Map.of("phone", phone), "Hello"));

    awaitStatus("notification-admin~voice-invalid-1", "FAILED");
    assertThat(onlyDelivery("notification-admin~voice-invalid-1")).containsEntry("status", "FAILED")
        .containsEntry("errorCode", "twilio-21217").containsEntry("attempts", 1);
    assertThat(twilio.requestsTo(phone)).hasSize(earlierRequests + 1);
  }
}
