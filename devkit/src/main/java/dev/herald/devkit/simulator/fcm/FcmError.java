package dev.herald.devkit.simulator.fcm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * FCM v1's error codes as FCM answers them: the HTTP status, Google's canonical status and an
 * {@code FcmError} detail naming the code. UNAVAILABLE and QUOTA_EXCEEDED carry a Retry-After.
 */
enum FcmError {
  UNREGISTERED(404, "NOT_FOUND", "Requested entity was not found.", false),
  INVALID_ARGUMENT(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", false),
  SENDER_ID_MISMATCH(403, "PERMISSION_DENIED", "SenderId mismatch", false),
  THIRD_PARTY_AUTH_ERROR(401, "UNAUTHENTICATED", "Auth error from APNS or Web Push Service", false),
  QUOTA_EXCEEDED(429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'Send messages'.", true),
  UNAVAILABLE(503, "UNAVAILABLE", "The service is currently unavailable.", true),
  INTERNAL(500, "INTERNAL", "Internal error encountered.", false);

  static final String FCM_ERROR_TYPE = "type.googleapis.com/google.firebase.fcm.v1.FcmError";

  final int httpStatus;
  final String googleStatus;
  final String message;
  final boolean retryAfter;

  FcmError(int httpStatus, String googleStatus, String message, boolean retryAfter) {
    this.httpStatus = httpStatus;
    this.googleStatus = googleStatus;
    this.message = message;
    this.retryAfter = retryAfter;
  }

  static Optional<FcmError> named(String code) {
    return Arrays.stream(values()).filter(e -> e.name().equals(code.strip().toUpperCase(Locale.ROOT))).findFirst();
  }

  /** The code FCM uses for an HTTP status; an unknown 4xx is INVALID_ARGUMENT, an unknown 5xx INTERNAL. */
  static FcmError forStatus(int status) {
    return Arrays.stream(values()).filter(e -> e.httpStatus == status).findFirst()
        .orElse(status >= 500 ? INTERNAL : INVALID_ARGUMENT);
  }

  /** Google's error body: {@code {"error":{"code","message","status","details":[{"@type","errorCode"}, ...]}}}. */
  static Map<String, Object> body(int httpStatus, String googleStatus, String errorCode, String message,
      List<Map<String, Object>> extraDetails) {
    List<Map<String, Object>> details = new ArrayList<>();
    if (errorCode != null) {
      details.add(Map.of("@type", FCM_ERROR_TYPE, "errorCode", errorCode));
    }
    details.addAll(extraDetails);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", httpStatus);
    error.put("message", message);
    error.put("status", googleStatus);
    error.put("details", details);
    return Map.of("error", error);
  }

  Map<String, Object> body(String message, List<Map<String, Object>> extraDetails) {
    return body(httpStatus, googleStatus, name(), message, extraDetails);
  }
}
