package dev.herald.devkit.simulator.slack;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulator's HTTP face, at Slack's Web API path under {@code /simulators/slack}: arguments as a
 * form (what the Java SDK sends) or as JSON, Slack's JSON out.
 */
@RestController
@RequestMapping(SlackSimulator.PATH + "/api")
@ConditionalOnExpression(SlackSimulatorConfig.SIMULATED)
class SlackSimulatorController {

  private final SlackSimulator simulator;

  SlackSimulatorController(SlackSimulator simulator) {
    this.simulator = simulator;
  }

  @PostMapping(path = "/chat.postMessage", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> postMessageForm(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestParam Map<String, String> form) {
    return answer(simulator.postMessage(authorization, form));
  }

  @PostMapping(path = "/chat.postMessage", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> postMessageJson(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody(required = false) Map<String, Object> json) {
    return answer(simulator.postMessage(authorization, json == null ? Map.of() : json));
  }

  private static ResponseEntity<Map<String, Object>> answer(SlackSimulator.Answer answer) {
    ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
    if (answer.retryAfter() != null) {
      response.header(HttpHeaders.RETRY_AFTER, Long.toString(answer.retryAfter().toSeconds()));
    }
    return response.body(answer.body());
  }
}
