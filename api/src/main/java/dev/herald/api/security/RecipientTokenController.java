package dev.herald.api.security;

import dev.herald.activities.recipient.RecipientRules;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.openapi.ApiTags;
import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.problem.ProblemType;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/recipients/{id}/token} (a sender or an admin): a short-lived token for one
 * recipient's inbox and devices, for the sender's backend to hand to that recipient's browser or app.
 * The recipient is the caller's own (or, for an admin, that of the {@code owner} it names): any id, stored
 * or not, as a notification may name an id it never stored; the token opens that owner's inbox and
 * devices of the id only, never another sender's of the same id.
 */
@RestController
@Tag(name = ApiTags.RECIPIENTS)
class RecipientTokenController {

  /** The body, optional: how long the token lives (ISO-8601, e.g. PT15M). */
  record TokenRequest(Duration ttl) {}

  record TokenView(String token, String owner, String recipientId, Instant expiresAt) {}

  private final RecipientTokens tokens;

  RecipientTokenController(RecipientTokens tokens) {
    this.tokens = tokens;
  }

  @ProblemResponses(ProblemType.UNAVAILABLE)
  @PostMapping("/api/v1/recipients/{id}/token")
  TokenView mint(@PathVariable String id, @RequestBody(required = false) TokenRequest request,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    String whose = Owners.of(caller, owner);
    RecipientRules.idViolation(id).ifPresent(v -> {
      throw new InvalidRequestException("id", v.message());
    });
    Duration ttl = request == null || request.ttl() == null ? tokens.defaultTtl() : request.ttl();
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(tokens.maxTtl()) > 0) {
      throw new InvalidRequestException("ttl", "must be more than 0 and at most " + tokens.maxTtl());
    }
    if (!tokens.canMint()) {
      throw new NoSigningKeyException();
    }
    RecipientTokens.Minted minted = tokens.mint(id, whose, ttl);
    return new TokenView(minted.token(), whose, id, minted.expiresAt());
  }
}
