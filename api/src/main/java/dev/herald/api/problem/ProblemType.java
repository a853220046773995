package dev.herald.api.problem;

import java.net.URI;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Every kind of error the API answers, in one catalog: its type URI ({@code /problems/<slug>}),
 * title and status. docs/api.md and the OpenAPI document list these; nothing else names a type.
 */
public enum ProblemType {
  INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request",
      "a field is missing or wrong (`errors` lists each, by JSON path); malformed JSON, an unknown property, "
          + "a wrong type or enum value, a key given twice; a bad or missing parameter"),
  UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required",
      "no credential (`WWW-Authenticate: Bearer realm=\"herald\"`), or an unknown, revoked, expired or malformed one "
          + "(`Bearer realm=\"herald\", error=\"invalid_token\"`, RFC 6750)"),
  FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden",
      "the credential's role may not do this: a sender on an admin endpoint, a recipient token anywhere but its own "
          + "inbox and devices"),
  FOUR_EYES("four-eyes", HttpStatus.FORBIDDEN, "Needs a second person",
      "an admin deciding on a send it asked for: the notification's sender is the admin's own identity, or its API key "
          + "asked for the send (four-eyes)"),
  TOO_MANY_ATTEMPTS("too-many-attempts", HttpStatus.TOO_MANY_REQUESTS, "Too many failed attempts",
      "too many failed authentications from this address or for this key prefix (`herald.security.failed-attempts`); "
          + "`Retry-After` says when to try again"),
  INVALID_SIGNATURE("invalid-signature", HttpStatus.FORBIDDEN, "Invalid signature",
      "a Twilio webhook call without a valid `X-Twilio-Signature`"),
  INVALID_LINK("invalid-link", HttpStatus.FORBIDDEN, "Invalid or expired link",
      "an attachment's download link whose signature does not verify (another id or expiry, a key no longer "
          + "configured) or whose expiry has passed; which of these is not told"),
  NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found",
      "no such notification, recipient, group, template, version, device, inbox item, dead letter or attachment; or "
          + "no such path"),
  METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
      "the path exists, but not with this method (`Allow` lists its methods)"),
  NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
      "`Accept` names no type the call answers with (JSON, or an event stream for the inbox stream)"),
  WRONG_STATE("wrong-state", HttpStatus.CONFLICT, "Not possible in the current state",
      "approving a send not waiting for approval, pausing, resuming or cancelling a finished one, a template key "
          + "taken, deleting a template with a published version, previewing a template's published version when it "
          + "has none, re-driving a discarded or re-driven dead letter, "
          + "discarding one being or already re-driven, deleting an attachment a notification not yet final (or with dead letters to re-drive) uses"),
  GROUP_EXISTS("group-exists", HttpStatus.CONFLICT, "Group exists already", "a group key the owner has already"),
  DEVICE_DEACTIVATED("device-deactivated", HttpStatus.CONFLICT, "Device token deactivated",
      "registering a push token FCM reported as gone"),
  GONE("gone", HttpStatus.GONE, "Gone",
      "an attachment's content, deleted or expired, asked for by its link or by its sender"),
  BODY_TOO_LARGE("body-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
      "a body over `herald.api.max-body-size` (default 10MB; the recipient import is streamed and has no limit); an "
          + "attachment over `herald.attachments.max-size` (default 25MB)"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
      "the body's `Content-Type` is not one the call reads (`application/json`; NDJSON or CSV for the import); an "
          + "attachment whose content is of a type not allowed (`herald.attachments.allowed-types`), or not of the type "
          + "it was declared as"),
  IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_ENTITY,
      "Idempotency key already used for a different request",
      "the idempotency key was used for a different request (`notificationId` names the first)"),
  PAYLOAD_NOT_DECODABLE("payload-not-decodable", HttpStatus.UNPROCESSABLE_ENTITY,
      "A payload cannot be decoded with Herald's keys",
      "the Temporal codec endpoint was given a payload under a key Herald does not have, or one that does not "
          + "authenticate"),
  INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "anything else (logged)"),
  UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
      "Temporal does not answer (`Retry-After: 5`); or no recipient token signing key is configured");

  private static final String PREFIX = "/problems/";

  private final String slug;
  private final HttpStatus status;
  private final String title;
  private final String when;

  ProblemType(String slug, HttpStatus status, String title, String when) {
    this.slug = slug;
    this.status = status;
    this.title = title;
    this.when = when;
  }

  public URI uri() {
    return URI.create(PREFIX + slug);
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** When the API answers with it, in the words of docs/api.md. */
  public String when() {
    return when;
  }

  public ProblemDetail detail(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(uri());
    problem.setTitle(title);
    return problem;
  }

  /** The type of an error Spring answers by status alone (405, 406, 415 ...): a 4xx without its own is a bad request. */
  static ProblemType of(HttpStatusCode status) {
    return Arrays.stream(values()).filter(type -> type.status.value() == status.value()
            && type != GROUP_EXISTS && type != DEVICE_DEACTIVATED && type != INVALID_SIGNATURE && type != INVALID_LINK
            && type != TOO_MANY_ATTEMPTS)
        .findFirst()
        .orElse(status.is4xxClientError() ? INVALID_REQUEST : INTERNAL_ERROR);
  }
}
