package dev.herald.devkit.simulator.twilio;

import dev.herald.activities.twilio.TwilioProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulator's HTTP face, at Twilio's paths under {@code /simulators/twilio}: form-encoded
 * requests in, Twilio's JSON out. {@code POST /simulators/twilio/inbound-sms} (From, Body, optional
 * To) plays a person texting Herald's number, e.g. STOP.
 */
@RestController
@RequestMapping(SimulatedTwilioAccount.PATH)
@ConditionalOnExpression(TwilioSimulatorConfig.SIMULATED)
class TwilioSimulatorController {

  private final TwilioSimulator simulator;
  private final String defaultFrom;

  TwilioSimulatorController(TwilioSimulator simulator, TwilioProperties twilio) {
    this.simulator = simulator;
    this.defaultFrom = twilio.defaultFrom();
  }

  @PostMapping(path = "/2010-04-01/Accounts/{accountSid}/Messages.json",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> createMessage(@PathVariable String accountSid,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestParam Map<String, String> form) {
    return simulator.createMessage(accountSid, authorization, form);
  }

  @PostMapping(path = "/2010-04-01/Accounts/{accountSid}/Calls.json",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> createCall(@PathVariable String accountSid,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestParam Map<String, String> form) {
    return simulator.createCall(accountSid, authorization, form);
  }

  /** Answers what Herald's inbound webhook answered Twilio: its status and TwiML. */
  @PostMapping(path = "/inbound-sms", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> inboundSms(@RequestParam("From") String from, @RequestParam("Body") String body,
      @RequestParam(name = "To", required = false) String to) {
    TwilioCallbacks.Answer answer = simulator.receiveSms(from, to == null ? defaultFrom : to, body);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("webhookStatus", answer.statusCode());
    result.put("webhookAnswer", answer.body());
    return result;
  }
}
