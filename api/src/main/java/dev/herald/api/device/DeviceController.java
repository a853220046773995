package dev.herald.api.device;

import dev.herald.activities.push.PushDevices;
import dev.herald.activities.recipient.RecipientRules;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.openapi.ApiTags;
import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.problem.ProblemType;
import dev.herald.api.security.Caller;
import dev.herald.api.security.Owners;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A recipient's push devices (browsers and apps register their FCM token here). Registering is
 * idempotent: 201 for a new token, 200 for a known one (a token registered by another of the owner's
 * recipients moves to this one); a token FCM declared dead is refused with 409. Devices belong to the
 * owner of the recipient id ({@link Owners}): a sender reaches its own recipients' devices, a
 * recipient token its own, and another sender's registration of the same id or token is its own.
 */
@RestController
@Tag(name = ApiTags.DEVICES)
@RequestMapping("/api/v1/recipients/{recipientId}/devices")
class DeviceController {

  private final PushDevices devices;

  DeviceController(PushDevices devices) {
    this.devices = devices;
  }

  @ProblemResponses(ProblemType.DEVICE_DEACTIVATED)
  @ApiResponse(responseCode = "201", description = "a new token, registered", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "200", description = "a known token (moved to this recipient if another had it)", useReturnTypeSchema = true)
  @PostMapping
  ResponseEntity<DeviceView> register(@PathVariable String recipientId, @Valid @RequestBody RegisterDeviceRequest request,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      UriComponentsBuilder uri, @AuthenticationPrincipal Caller caller) {
    requireRecipientId(recipientId);
    PushDevices.Registration registration = devices.register(Owners.of(caller, owner), recipientId, request.token(),
        request.platform());
    DeviceView view = DeviceView.of(registration.device());
    return switch (registration.outcome()) {
      case CREATED -> ResponseEntity.created(uri.path("/api/v1/recipients/{recipientId}/devices/{token}")
          .buildAndExpand(recipientId, request.token()).encode().toUri()).body(view);
      case EXISTING -> ResponseEntity.ok(view);
      case DEACTIVATED -> throw new DeviceDeactivatedException(registration.device().deactivatedReason());
    };
  }

  @GetMapping
  List<DeviceView> list(@PathVariable String recipientId,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    requireRecipientId(recipientId);
    return devices.devicesOf(Owners.of(caller, owner), recipientId).stream().map(DeviceView::of).toList();
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @ApiResponse(responseCode = "204", description = "unregistered", useReturnTypeSchema = true)
  @DeleteMapping("/{token}")
  ResponseEntity<Void> unregister(@PathVariable String recipientId, @PathVariable String token,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    requireRecipientId(recipientId);
    if (!devices.unregister(Owners.of(caller, owner), recipientId, token)) {
      throw new DeviceNotFoundException(recipientId);
    }
    return ResponseEntity.noContent().build();
  }

  private static void requireRecipientId(String recipientId) {
    recipientIdViolation(recipientId).ifPresent(violation -> {
      throw new InvalidRequestException(List.of(violation));
    });
  }

  /** As for {@code recipients[].id} of a notification request. */
  private static Optional<FieldViolation> recipientIdViolation(String recipientId) {
    return RecipientRules.idViolation(recipientId).map(v -> new FieldViolation("recipientId", v.message()));
  }

}
