package dev.herald.api.apikey;

import dev.herald.activities.apikey.ApiKeys;
import dev.herald.activities.apikey.IssuedKey;
import dev.herald.activities.text.TextRules;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.problem.ProblemType;
import dev.herald.api.security.Caller;
import dev.herald.api.security.VerifiedKeys;
import dev.herald.workflows.notification.NotificationIds;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys (admin only): create (the key is in this answer and nowhere else, ever), list without
 * secrets, revoke (at once in this process; within the key cache's TTL in others).
 */
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {

  static final int MAX_NAME_CHARS = 100;

  private final ApiKeys keys;
  private final VerifiedKeys verified;

  ApiKeyController(ApiKeys keys, VerifiedKeys verified) {
    this.keys = keys;
    this.verified = verified;
  }

  @PostMapping
  ResponseEntity<ApiKeyView> create(@RequestBody CreateApiKeyRequest request, @AuthenticationPrincipal Caller caller) {
    List<FieldViolation> violations = new ArrayList<>();
    if (request.name() == null || request.name().isBlank()) {
      violations.add(new FieldViolation("name", "is required"));
    } else {
      TextRules.line(request.name(), MAX_NAME_CHARS).ifPresent(p -> violations.add(new FieldViolation("name", p)));
    }
    if (request.role() == null) {
      violations.add(new FieldViolation("role", "is required: SENDER or ADMIN"));
    }
    String sender = request.sender() == null ? request.name() : request.sender();
    if (sender != null && !NotificationIds.PLAIN_SENDER.matcher(sender).matches()) {
      violations.add(new FieldViolation(request.sender() == null ? "name" : "sender",
          "must be 1-64 characters of A-Z a-z 0-9 . _ @ - (it is the key's sender identity)"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    IssuedKey issued = keys.create(request.name(), request.role(), sender, caller.sender());
    return ResponseEntity.created(URI.create("/api/v1/api-keys/" + issued.key().id()))
        .body(ApiKeyView.withSecret(issued.key(), issued.secret()));
  }

  @GetMapping
  List<ApiKeyView> list() {
    return keys.list().stream().map(ApiKeyView::of).toList();
  }

  /** Revokes; revoking again answers the same. */
  @ProblemResponses(ProblemType.NOT_FOUND)
  @DeleteMapping("/{id}")
  ApiKeyView revoke(@PathVariable long id) {
    var revoked = keys.revoke(id).orElseThrow(() -> new ApiKeyNotFoundException(id));
    verified.forget(id);
    return ApiKeyView.of(revoked);
  }
}
