package dev.herald.devkit.fault;

import dev.herald.api.openapi.ApiTags;
import dev.herald.devkit.DevMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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

  private final SimulatorFaults faults;

  SimulatorFaultsController(SimulatorFaults faults) {
    this.faults = faults;
  }

  @PostMapping
  SimulatorFault inject(@PathVariable String simulator, @RequestBody SimulatorFault fault) {
    faults.set(simulator, fault);
    return fault;
  }

  @ApiResponse(responseCode = "200", description = "the fault in force", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "204", description = "none", useReturnTypeSchema = true)
  @GetMapping
  ResponseEntity<SimulatorFault> current(@PathVariable String simulator) {
    return faults.current(simulator).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
  }

  @ApiResponse(responseCode = "204", description = "cleared", useReturnTypeSchema = true)
  @DeleteMapping
  ResponseEntity<Void> clear(@PathVariable String simulator) {
    faults.clear(simulator);
    return ResponseEntity.noContent().build();
  }
}
