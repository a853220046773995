package dev.herald.api.webhook.twilio;

import com.twilio.twiml.MessagingResponse;
import dev.herald.activities.sms.PhoneNumbers;
import dev.herald.activities.preference.Suppressions;
import dev.herald.workflows.messages.Channel;
import dev.herald.activities.twilio.StatusCallbacks;
import dev.herald.activities.twilio.TwilioAccount;
import dev.herald.activities.twilio.TwilioConfig;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.notification.ReceiptRecorder;
import dev.herald.api.openapi.ApiTags;
import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.problem.ProblemType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's webhooks, each checked by its {@code X-Twilio-Signature} (403 when wrong):
 *
 * <ul>
 *   <li>{@code POST /api/v1/webhooks/twilio/status?deliveryId=...}: status callbacks of SMS and
 *       calls, recorded as receipts on the delivery (the activity put the delivery id in the URL).
 *   <li>{@code POST /api/v1/webhooks/twilio/inbound}: SMS to Herald's numbers (the number's
 *       messaging webhook); STOP and its synonyms opt the sender out of SMS, START opts back in.
 * </ul>
 */
@RestController
@Tag(name = ApiTags.WEBHOOKS)
@RequestMapping("/api/v1/webhooks/twilio")
@ConditionalOnExpression(TwilioConfig.AVAILABLE)
class TwilioWebhookController {

  private static final Logger log = LoggerFactory.getLogger(TwilioWebhookController.class);
  private static final MediaType TWIML = MediaType.APPLICATION_XML;

  private final TwilioSignatureCheck signatures;
  private final ReceiptRecorder receipts;
  private final Suppressions suppressions;

  TwilioWebhookController(TwilioAccount account, ReceiptRecorder receipts, Suppressions suppressions) {
    this.signatures = new TwilioSignatureCheck(account);
    this.receipts = receipts;
    this.suppressions = suppressions;
  }

  /** 204 once recorded; statuses that are not receipts (queued, ringing ...) are acknowledged and dropped. */
  @ProblemResponses(ProblemType.INVALID_SIGNATURE)
  @ApiResponse(responseCode = "204", description = "recorded (or, for a status that is no receipt, acknowledged)", useReturnTypeSchema = true)
  @PostMapping("/status")
  ResponseEntity<Void> status(HttpServletRequest request) {
    Map<String, String> params = signatures.verifiedParams(request);
    String deliveryId = request.getParameter(StatusCallbacks.DELIVERY_ID);
    if (deliveryId == null || deliveryId.isBlank()) {
      throw new InvalidRequestException(StatusCallbacks.DELIVERY_ID, "is required in the callback URL");
    }
    TwilioStatusReceipts.from(deliveryId, params).ifPresent(receipts::record);
    return ResponseEntity.noContent().build();
  }

  /**
   * STOP and START from a number: a provider-level SMS suppression for every sender, added or lifted
   * (Twilio blocks the number on its side too). Answers empty TwiML: Twilio itself confirms them.
   */
  @ApiResponse(responseCode = "200", description = "empty TwiML",
      content = @Content(mediaType = "application/xml", schema = @Schema(type = "string")))
  @ProblemResponses(ProblemType.INVALID_SIGNATURE)
  @PostMapping("/inbound")
  ResponseEntity<String> inbound(HttpServletRequest request) {
    Map<String, String> params = signatures.verifiedParams(request);
    String from = params.get("From");
    if (from != null) {
      String phone = PhoneNumbers.toE164(from, null).orElse(from);
      InboundKeywords.of(params.get("Body")).ifPresent(intent -> {
        switch (intent) {
          case OPT_OUT -> suppressions.addForEverySender(Channel.SMS, phone,
              "inbound " + params.get("Body").strip().toUpperCase(Locale.ROOT));
          case OPT_IN -> suppressions.removeForEverySender(Channel.SMS, phone);
        }
        log.info("sms {} recorded for a number ending in {}", intent, lastDigits(phone));
      });
    }
    return ResponseEntity.ok().contentType(TWIML).body(new MessagingResponse.Builder().build().toXml());
  }

  private static String lastDigits(String phone) {
    return phone.length() <= 4 ? phone : phone.substring(phone.length() - 4);
  }
}
