package dev.herald.api.apikey;

import dev.herald.activities.apikey.ApiKeys;
import dev.herald.activities.apikey.IssuedKey;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.openapi.ApiTags;
import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.problem.ProblemType;
import dev.herald.api.security.Caller;
import dev.herald.api.security.VerifiedKeys;
import dev.herald.workflows.notification.NotificationIds;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
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
@Tag(name = ApiTags.API_KEYS)
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {

  static final int MAX_NAME_CHARS = 100;
  static final String SENDER_RULE = "must be 1-64 characters of A-Z a-z 0-9 . _ @ - (the key's sender identity)";

  private final ApiKeys keys;
  private final VerifiedKeys verified;

  ApiKeyController(ApiKeys keys, VerifiedKeys verified) {
    this.keys = keys;
    this.verified = verified;
  }

  @ApiResponse(responseCode = "201", description = "created: the key is in `key`, this once", useReturnTypeSchema = true)
  @PostMapping
  ResponseEntity<ApiKeyView> create(@Valid @RequestBody CreateApiKeyRequest request,
      @AuthenticationPrincipal Caller caller) {
    String sender = request.sender() == null ? request.name() : request.sender();
    if (!NotificationIds.PLAIN_SENDER.matcher(sender).matches()) {
      throw new InvalidRequestException("name", SENDER_RULE + " when there is no sender");
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
