package dev.herald.api.notification;

import dev.herald.api.security.Caller;

/**
 * A request to send as its caller's, for every door a person or service sends through with a
 * credential (the REST API, the console): a sender sends as itself, an admin as itself or for the
 * sender it names; an idempotency key given beside the request (a header, a form field) must agree
 * with the request's own.
 */
public final class CallerRequests {

  private CallerRequests() {}

  /** The request with its sender: the caller's when it names none; naming another is refused for a sender. */
  public static SendNotificationRequest asCaller(SendNotificationRequest request, Caller caller) {
    if (request.sender() == null) {
      return request.withSender(caller.sender());
    }
    if (!caller.isAdmin() && !request.sender().equals(caller.sender())) {
      throw new InvalidRequestException("sender", "differs from this API key's sender '" + caller.sender()
          + "': a sender key sends as itself (leave sender out)");
    }
    return request;
  }

  /** The request with the key given beside it (null: the request's own); a different one is refused. */
  public static SendNotificationRequest withKey(SendNotificationRequest request, String key) {
    if (key == null) {
      return request;
    }
    if (request.idempotencyKey() != null && !request.idempotencyKey().equals(key)) {
      throw new InvalidRequestException("idempotencyKey", "differs from the Idempotency-Key header");
    }
    return request.withIdempotencyKey(key);
  }
}
