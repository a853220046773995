package dev.herald.api.apikey;

import dev.herald.activities.apikey.ApiKey;
import dev.herald.activities.apikey.ApiKeys;
import dev.herald.activities.apikey.IssuedKey;
import dev.herald.activities.session.ConsoleSessions;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.problem.RequestValidation;
import dev.herald.api.security.Caller;
import dev.herald.api.security.VerifiedKeys;
import dev.herald.workflows.notification.NotificationIds;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Issues and revokes API keys, for the REST API and the console alike: a key's sender identity is
 * its name unless one is given; a revoked key is refused at once by this process and its console
 * sessions end with it.
 */
@Service
public class ApiKeyIssuer {

  static final int MAX_NAME_CHARS = 100;
  static final String SENDER_RULE = "must be 1-64 characters of A-Z a-z 0-9 . _ @ - (the key's sender identity)";

  private final ApiKeys keys;
  private final VerifiedKeys verified;
  private final ConsoleSessions sessions;
  private final RequestValidation validation;

  ApiKeyIssuer(ApiKeys keys, VerifiedKeys verified, ConsoleSessions sessions, RequestValidation validation) {
    this.keys = keys;
    this.verified = verified;
    this.sessions = sessions;
    this.validation = validation;
  }

  /**
   * A new key, its secret in the answer and nowhere else, ever.
   *
   * @throws InvalidRequestException naming the field that breaks a rule
   */
  public IssuedKey create(CreateApiKeyRequest request, Caller createdBy) {
    validation.check(request);
    String sender = request.sender() == null ? request.name() : request.sender();
    if (!NotificationIds.PLAIN_SENDER.matcher(sender).matches()) {
      throw new InvalidRequestException("name", SENDER_RULE + " when there is no sender");
    }
    return keys.create(request.name(), request.role(), sender, createdBy.sender());
  }

  /** Every key, without secrets. */
  public List<ApiKey> list() {
    return keys.list();
  }

  /**
   * Revokes; revoking again answers the same.
   *
   * @throws ApiKeyNotFoundException no key has this id
   */
  public ApiKey revoke(long id) {
    ApiKey revoked = keys.revoke(id).orElseThrow(() -> new ApiKeyNotFoundException(id));
    verified.forget(id);
    sessions.closeAll(id);
    return revoked;
  }
}
