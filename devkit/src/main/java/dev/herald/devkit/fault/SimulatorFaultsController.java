package dev.herald.devkit.fault;

import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.openapi.ApiTags;
import dev.herald.devkit.DevMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Dev mode only: inject faults into the provider simulators at run time, and clear them. */
@RestController
@Tag(name = ApiTags.DEV_KIT)
@RequestMapping("/api/v1/dev/simulators/{simulator}/faults")
@ConditionalOnExpression(DevMode.ENABLED)
class SimulatorFaultsController {

  static final Set<String> SIMULATORS = Set.of("twilio", "fcm", "smtp", "slack");

  private final SimulatorFaults faults;

  SimulatorFaultsController(SimulatorFaults faults) {
    this.faults = faults;
  }

  @PostMapping
  SimulatorFault inject(@PathVariable String simulator, @RequestBody SimulatorFault fault) {
    requireKnown(simulator);
    if (fault.rate() < 0 || fault.rate() > 1) {
      throw new InvalidRequestException("rate", "must be between 0 and 1");
    }
    if (fault.httpStatus() != null && (fault.httpStatus() < 400 || fault.httpStatus() > 599)) {
      throw new InvalidRequestException("httpStatus", "must be an error status, 400-599");
    }
    faults.set(simulator, fault);
    return fault;
  }

  @ApiResponse(responseCode = "200", description = "the fault in force", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "204", description = "none", useReturnTypeSchema = true)
  @GetMapping
  ResponseEntity<SimulatorFault> current(@PathVariable String simulator) {
    requireKnown(simulator);
    return faults.current(simulator).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
  }

  @ApiResponse(responseCode = "204", description = "cleared", useReturnTypeSchema = true)
  @DeleteMapping
  ResponseEntity<Void> clear(@PathVariable String simulator) {
    requireKnown(simulator);
    faults.clear(simulator);
    return ResponseEntity.noContent().build();
  }

  private static void requireKnown(String simulator) {
    if (!SIMULATORS.contains(simulator)) {
      throw new InvalidRequestException("simulator", "must be one of " + SIMULATORS);
    }
  }
}
