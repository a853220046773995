package dev.herald.api.webhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.devkit.simulator.twilio.TwilioIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;

/** Twilio's webhooks: signatures checked with the SDK's RequestValidator, STOP and START. */
class TwilioWebhookIT extends TwilioIntegrationTest {

  private static final String STATUS = "/api/v1/webhooks/twilio/status?deliveryId=notification-hook-1%2Fsms%2F0";
  private static final Map<String, String> DELIVERED = Map.of("MessageSid", "SM00000000000000000000000000000001",
      "MessageStatus", "delivered", "AccountSid", "ACd0000000000000000000000000000de7");

  @Test
  void aStatusCallbackWithAWrongSignatureIsForbidden() {
    var forged = postForm(STATUS, DELIVERED, "bm90IGEgc2lnbmF0dXJl");

    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(forged.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    assertThat(forged.getBody()).contains("\"type\":\"/problems/invalid-signature\"");
  }

  @Test
  void aCallbackWithoutSignatureOrSignedForOtherParametersIsForbidden() {
    assertThat(postForm(STATUS, DELIVERED, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    String signedForSent = sign(STATUS, Map.of("MessageSid", "SM00000000000000000000000000000001",
        "MessageStatus", "sent", "AccountSid", "ACd0000000000000000000000000000de7"));
    assertThat(postForm(STATUS, DELIVERED, signedForSent).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    String signedForOtherDelivery = sign(STATUS.replace("hook-1", "hook-2"), DELIVERED);
    assertThat(postForm(STATUS, DELIVERED, signedForOtherDelivery).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    var inbound = Map.of("From", "+14155550106", "Body", "STOP");
    assertThat(postForm("/api/v1/webhooks/twilio/inbound", inbound, "forged").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aCorrectlySignedCallbackIsAccepted() {
    assertThat(postForm(STATUS, DELIVERED, sign(STATUS, DELIVERED)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void stopOptsTheNumberOutOfSmsUntilStart() {
    String phone = "+14155550107";

    var stop = textFrom(phone, "Stop");

    assertThat(stop.getBody()).containsEntry("webhookStatus", 200)
        .containsEntry("webhookAnswer", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
    post("/api/v1/notifications", smsRequest("hook-stop-1", phone, "While opted out"));
    awaitStatus("notification-admin~hook-stop-1", "COMPLETED");
    assertThat(onlyDelivery("notification-admin~hook-stop-1")).containsEntry("status", "SKIPPED")
        .containsEntry("errorCode", "opted-out:address");
    assertThat(twilio.requestsTo(phone)).isEmpty();
    assertThat(http().get().uri("/api/v1/suppressions?channel=SMS&address={phone}", phone).retrieve()
        .body(new ParameterizedTypeReference<List<Map<String, Object>>>() {}))
        .singleElement().satisfies(s -> assertThat(s).containsEntry("owner", "*").containsEntry("source", "inbound STOP"));

    assertThat(textFrom(phone, "START").getBody()).containsEntry("webhookStatus", 200);
    post("/api/v1/notifications", smsRequest("hook-stop-2", phone, "Welcome back"));
    awaitStatus("notification-admin~hook-stop-2", "COMPLETED");

    assertThat(onlyDelivery("notification-admin~hook-stop-2")).containsEntry("status", "DELIVERED");
    assertThat(twilio.acceptedTo(phone)).extracting(s -> s.content()).containsExactly("Welcome back");
  }

  @Test
  void otherTextIsNotAKeyword() {
    String phone = "+14155550108";

    textFrom(phone, "please stop sending me this");
    post("/api/v1/notifications", smsRequest("hook-nostop-1", phone, "Still subscribed"));

    awaitStatus("notification-admin~hook-nostop-1", "COMPLETED");
    assertThat(onlyDelivery("notification-admin~hook-nostop-1")).containsEntry("status", "DELIVERED");
  }
}
