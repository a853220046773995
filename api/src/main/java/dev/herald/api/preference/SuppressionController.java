package dev.herald.api.preference;

import dev.herald.activities.email.EmailAddresses;
import dev.herald.activities.preference.Category;
import dev.herald.activities.preference.Suppressions;
import dev.herald.activities.sms.PhoneNumbers;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.notification.NotificationSettings;
import dev.herald.api.openapi.ApiTags;
import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.problem.ProblemType;
import dev.herald.api.security.Caller;
import dev.herald.api.security.Owners;
import dev.herald.api.template.TemplateRequests;
import dev.herald.workflows.messages.Channel;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
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

/**
 * The address suppression list: e-mail addresses and phone numbers not to reach, whoever they belong
 * to (an address sent to inline, not a stored recipient). A sender keeps its own list and sees the
 * provider-level blocks every sender shares (owner {@code *}: SMS STOP, Twilio 21610); an admin may
 * name a sender, or {@code *} to add or lift a block for all.
 */
@RestController
@Tag(name = ApiTags.PREFERENCES)
@RequestMapping(SuppressionController.PATH)
class SuppressionController {

  static final String PATH = "/api/v1/suppressions";
  static final int MAX_ADDRESS_CHARS = 254;
  static final int MAX_REASON_CHARS = 200;
  private static final int MAX_LIMIT = 1000;
  private static final Set<Channel> ADDRESSED = Set.of(Channel.EMAIL, Channel.SMS, Channel.VOICE);

  private final Suppressions suppressions;
  private final NotificationSettings settings;

  SuppressionController(Suppressions suppressions, NotificationSettings settings) {
    this.suppressions = suppressions;
    this.settings = settings;
  }

  /** Newest first: the owner's own and those of every sender; of one channel and address when given. */
  @GetMapping
  List<SuppressionView> list(@RequestParam(required = false) Channel channel,
      @RequestParam(required = false) String address,
      @RequestParam(defaultValue = "100") int limit,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidRequestException("limit", "must be 1-" + MAX_LIMIT);
    }
    if (address != null && channel == null) {
      throw new InvalidRequestException("channel", "is required with address");
    }
    String normalised = address == null ? null : requireAddress(channel, address, "address");
    return suppressions.list(Owners.of(caller, owner), Optional.ofNullable(channel), Optional.ofNullable(normalised),
        limit).stream().map(SuppressionView::of).toList();
  }

  @ApiResponse(responseCode = "201", description = "suppressed", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "200", description = "suppressed already (the first reason stays)", useReturnTypeSchema = true)
  @PostMapping
  ResponseEntity<SuppressionView> add(@Valid @RequestBody SuppressionRequest request,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    List<FieldViolation> violations = new ArrayList<>();
    if (request.channel() == null || !ADDRESSED.contains(request.channel())) {
      violations.add(new FieldViolation("channel", "is required: EMAIL, SMS or VOICE (opt a recipient out of other "
          + "channels by its preferences)"));
    }
    if (request.category() != null && !request.category().matches(Category.NAME)) {
      violations.add(new FieldViolation("category", TemplateRequests.CATEGORY_RULE));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    String address = requireAddress(request.channel(), request.address(), "address");
    String whose = Owners.of(caller, owner);
    String reason = request.reason() == null || request.reason().isBlank() ? "api:" + caller.keyPrefix()
        : request.reason().strip();
    boolean added = suppressions.add(request.channel(), address, whose, request.category(), reason);
    SuppressionView view = suppressions.list(whose, Optional.of(request.channel()), Optional.of(address), MAX_LIMIT)
        .stream().filter(s -> s.owner().equals(whose)
            && java.util.Objects.equals(s.category(), request.category()))
        .findFirst().map(SuppressionView::of).orElseThrow();
    return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(view);
  }

  /** Lifts every suppression of the address on the channel that the owner holds (an admin: owner {@code *} too). */
  @ProblemResponses(ProblemType.NOT_FOUND)
  @ApiResponse(responseCode = "204", description = "lifted", useReturnTypeSchema = true)
  @DeleteMapping("/{channel}/{address}")
  ResponseEntity<Void> remove(@PathVariable Channel channel, @PathVariable String address,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    String normalised = requireAddress(channel, address, "address");
    if (suppressions.remove(channel, normalised, Owners.of(caller, owner)) == 0) {
      throw new SuppressionNotFoundException(channel);
    }
    return ResponseEntity.noContent().build();
  }

  /** The address as suppressions key it: a valid e-mail address, or a phone number in E.164. */
  private String requireAddress(Channel channel, String address, String field) {
    if (address == null || address.isBlank()) {
      throw new InvalidRequestException(field, "is required: an e-mail address or phone number");
    }
    if (channel == Channel.EMAIL) {
      EmailAddresses.problem(address.strip()).ifPresent(problem -> {
        throw new InvalidRequestException(field, problem);
      });
      return address.strip();
    }
    if (!ADDRESSED.contains(channel)) {
      throw new InvalidRequestException("channel", "must be EMAIL, SMS or VOICE");
    }
    return PhoneNumbers.toE164(address.strip(), settings.defaultPhoneRegion()).orElseThrow(() ->
        new InvalidRequestException(field, "is not a phone number (E.164, e.g. +15005550006)"));
  }
}
