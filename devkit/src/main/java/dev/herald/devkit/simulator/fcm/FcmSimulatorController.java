package dev.herald.devkit.simulator.fcm;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The simulator's HTTP face, at FCM's path under {@code /simulators/fcm}. */
@RestController
@RequestMapping(FcmSimulator.PATH)
@ConditionalOnExpression(FcmSimulatorConfig.SIMULATED)
class FcmSimulatorController {

  private final FcmSimulator simulator;

  FcmSimulatorController(FcmSimulator simulator) {
    this.simulator = simulator;
  }

  @PostMapping(path = "/v1/projects/{projectId}/messages:send", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> send(@PathVariable String projectId,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody(required = false) String body) {
    FcmSimulator.Answer answer = simulator.send(projectId, authorization, body);
    ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
    if (answer.retryAfter() != null) {
      response.header(HttpHeaders.RETRY_AFTER, Long.toString(answer.retryAfter().toSeconds()));
    }
    return response.body(answer.body());
  }
}
