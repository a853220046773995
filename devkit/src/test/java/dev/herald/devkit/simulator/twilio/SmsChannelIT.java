package dev.herald.devkit.simulator.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;

/** SMS through the real Twilio SDK and the Twilio simulator, receipts by signed status callbacks. */
class SmsChannelIT extends TwilioIntegrationTest {

  @Test
  void smsIsSentThroughTwilioAndDeliveredBySignedStatusCallbacks() {
    String phone = "+14155550101";

    var accepted = post("/api/v1/notifications", smsRequest("sms-ok-1", phone, "Your code is 1234"));

    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    awaitStatus("notification-admin~sms-ok-1", "COMPLETED");
    SimulatedItem sms = twilio.acceptedTo(phone).get(0);
    assertThat(twilio.acceptedTo(phone)).hasSize(1);
    assertThat(sms.content()).isEqualTo("Your code is 1234");
    assertThat(sms.from()).isEqualTo("+15005550006");
    assertThat(sms.statusCallback().getQuery()).isEqualTo("deliveryId=notification-admin~sms-ok-1/sms/0");
    assertThat(sms.callbacks()).extracting(SimulatedItem.Callback::status, SimulatedItem.Callback::answer)
        .containsExactly(tuple("sent", 204), tuple("delivered", 204));
    assertThat(onlyDelivery("notification-admin~sms-ok-1")).containsEntry("status", "DELIVERED")
        .containsEntry("attempts", 1).containsEntry("providerMessageId", sms.sid());
    var progress = (Map<String, Object>) get("/api/v1/notifications/notification-admin~sms-ok-1").getBody().get("progress");
    assertThat(progress).containsEntry("sent", 1).containsEntry("delivered", 1);
  }

  @Test
  void rateLimitAndServerErrorAreRetriedUntilTwilioAcceptsWithOneProviderCallPerAttempt() {
    String phone = "+14155550102";
    injectFault("{\"errorCode\":\"20429\",\"rate\":1}");

    post("/api/v1/notifications", smsRequest("sms-retry-1", phone, "Retried"));

    awaitRequestsTo(phone, 1);
    injectFault("{\"httpStatus\":500,\"rate\":1}");
    awaitRequestsTo(phone, 2);
    clearFault();
    awaitStatus("notification-admin~sms-retry-1", "COMPLETED");
    assertThat(twilio.requestsTo(phone)).extracting(SimulatedRequest::answer, SimulatedRequest::errorCode)
        .containsExactly(tuple(429, 20429), tuple(500, 20500), tuple(201, null));
    assertThat(twilio.acceptedTo(phone)).hasSize(1);
    assertThat(onlyDelivery("notification-admin~sms-retry-1")).containsEntry("status", "DELIVERED").containsEntry("attempts", 3);
  }

  @Test
  void anInvalidNumberFailsAtOnceWithTwiliosCode() {
    String phone = "+15005550001"; // Twilio's magic number for 21211

    post("/api/v1/notifications", smsRequest("sms-invalid-1", phone, "Never sent"));

    awaitStatus("notification-admin~sms-invalid-1", "FAILED");
    assertThat(onlyDelivery("notification-admin~sms-invalid-1")).containsEntry("status", "FAILED")
        .containsEntry("errorCode", "twilio-21211").containsEntry("attempts", 1);
    assertThat(twilio.requestsTo(phone)).extracting(SimulatedRequest::answer, SimulatedRequest::errorCode)
        .containsExactly(tuple(400, 21211));
  }

  @Test
  void aPermanentSmsFailureFallsBackToEmail() {
    String phone = "+15005550009"; // Twilio's magic number for 21614, not a mobile number
    String email = "sms-fallback@it.example";

    post("/api/v1/notifications", request("sms-fallback-1", List.of("SMS", "EMAIL"), "FALLBACK",
        Map.of("phone", phone, "email", email), "Your parcel is on its way"));

    await().atMost(DELIVERY_WAIT).until(() -> mailsTo(email).size() == 1);
    await().atMost(DELIVERY_WAIT).until(() -> "SENT".equals(delivery("notification-admin~sms-fallback-1", "EMAIL").get("status")));
    assertThat(delivery("notification-admin~sms-fallback-1", "SMS")).containsEntry("status", "FAILED")
        .containsEntry("errorCode", "twilio-21614").containsEntry("attempts", 1);
    assertThat(twilio.requestsTo(phone)).hasSize(1);
    assertThat(twilio.acceptedTo(phone)).isEmpty();
  }

  @Test
  void anUnsubscribedRecipientIsSkippedAndNeverTriedAgain() {
    String phone = "+15005550004"; // Twilio's magic number for 21610

    post("/api/v1/notifications", smsRequest("sms-unsubscribed-1", phone, "First"));
    awaitStatus("notification-admin~sms-unsubscribed-1", "COMPLETED");
    post("/api/v1/notifications", smsRequest("sms-unsubscribed-2", phone, "Second"));
    awaitStatus("notification-admin~sms-unsubscribed-2", "COMPLETED");

    assertThat(onlyDelivery("notification-admin~sms-unsubscribed-1")).containsEntry("status", "SKIPPED")
        .containsEntry("errorCode", "opted-out:address")
        .containsEntry("lastError", "Twilio 21610: Attempt to send to unsubscribed recipient");
    assertThat(onlyDelivery("notification-admin~sms-unsubscribed-2")).containsEntry("status", "SKIPPED")
        .containsEntry("errorCode", "opted-out:address")
        .containsEntry("lastError", "the address is suppressed on SMS (twilio-21610)");
    assertThat(twilio.requestsTo(phone)).hasSize(1);
  }

  @Test
  void koreanWithEmojiIsSentAsUcs2CountingTheEmojiAsTwoUnits() {
    String phone = "+821012345671";
    // 69 characters and an emoji: 70 code points but 71 UTF-16 units, over the 70 of one UCS-2 segment
    String body = "안녕하세요, 헤럴드입니다. 주문하신 상품이 오늘 발송되었습니다. 내일 도착 예정이며 배송 조회는 앱에서 하실 수 있습니다. 🚚";
    assertThat(body.codePointCount(0, body.length())).isEqualTo(70);

    post("/api/v1/notifications", smsRequest("sms-korean-1", phone, body));

    awaitStatus("notification-admin~sms-korean-1", "COMPLETED");
    List<Map<String, Object>> outbox = http().get().uri("/api/v1/dev/outbox?channel=SMS").retrieve()
        .body(new ParameterizedTypeReference<>() {});
    var sms = outbox.stream().filter(m -> List.of(phone).equals(m.get("to"))).toList();
    assertThat(sms).hasSize(1);
    assertThat(sms.get(0)).containsEntry("body", body).containsEntry("channel", "SMS");
    assertThat((Map<String, Object>) sms.get(0).get("headers")).containsEntry("Encoding", "UCS-2")
        .containsEntry("NumSegments", "2");
  }
}
