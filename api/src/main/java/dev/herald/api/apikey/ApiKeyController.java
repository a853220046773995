package dev.herald.api.apikey;

import dev.herald.activities.apikey.IssuedKey;
import dev.herald.api.openapi.ApiTags;
import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.problem.ProblemType;
import dev.herald.api.security.Caller;
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
 * secrets, revoke (at once in this process, with the key's console sessions; within the key cache's TTL
 * in others). The rules are {@link ApiKeyIssuer}'s, which the console's page uses too.
 */
@RestController
@Tag(name = ApiTags.API_KEYS)
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {

  private final ApiKeyIssuer keys;

  ApiKeyController(ApiKeyIssuer keys) {
    this.keys = keys;
  }

  @ApiResponse(responseCode = "201", description = "created: the key is in `key`, this once", useReturnTypeSchema = true)
  @PostMapping
  ResponseEntity<ApiKeyView> create(@Valid @RequestBody CreateApiKeyRequest request,
      @AuthenticationPrincipal Caller caller) {
    IssuedKey issued = keys.create(request, caller);
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
    return ApiKeyView.of(keys.revoke(id));
  }
}
