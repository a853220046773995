package dev.herald.activities.twilio;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.twilio}: the Twilio account behind SMS and voice calls. With no {@code account-sid}
 * the dev kit uses its local Twilio simulator instead.
 *
 * @param baseUrl where the REST API is reached instead of https://api.twilio.com (e.g. a
 *     simulator); empty: Twilio itself
 * @param statusCallbackBaseUrl Herald's public base URL, which Twilio calls back with delivery
 *     receipts ({@code <base>/api/v1/webhooks/twilio/status}); empty: no receipts are asked for
 * @param defaultFrom the number SMS and calls come from, unless the sender has its own; required with
 *     an account, no default
 * @param fromNumbers a from number per sender (the notification's {@code sender})
 * @param voices the voice reading calls, by BCP 47 language tag or bare language ({@code ko-KR},
 *     {@code ko}); a language without an entry gets Twilio's default voice for it
 * @param voiceLoop how many times a call says its text
 * @param timeout connect and read timeout of one API request
 */
@Validated
@ConfigurationProperties("herald.twilio")
public record TwilioProperties(
    String accountSid,
    String authToken,
    String baseUrl,
    String statusCallbackBaseUrl,
    String defaultFrom,
    @DefaultValue Map<String, String> fromNumbers,
    @DefaultValue @Valid Map<String, Voice> voices,
    @DefaultValue("2") @Min(1) @Max(10) int voiceLoop,
    @DefaultValue("10s") Duration timeout) {

  /**
   * @param language a TwiML {@code <Say>} language (e.g. ko-KR)
   * @param voice a TwiML {@code <Say>} voice (e.g. Polly.Seoyeon); empty: Twilio's default for the language
   */
  public record Voice(@NotBlank String language, String voice) {}

  /** The number a message comes from: the one its template names, else the sender's, else the default. */
  public String fromFor(String sender, String templateFrom) {
    return templateFrom != null && !templateFrom.isBlank() ? templateFrom : fromFor(sender);
  }

  /** The number a sender's messages and calls come from: its own, else the default. */
  public String fromFor(String sender) {
    String own = sender == null ? null : fromNumbers.get(sender);
    return own != null && !own.isBlank() ? own : defaultFrom;
  }
}
