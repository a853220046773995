package dev.herald.devkit.simulator.twilio;

import java.util.LinkedHashMap;
import java.util.Map;

/** An error answer of Twilio's REST API: HTTP status, Twilio error code and message. */
record TwilioApiError(int status, int code, String message) {

  private static final Map<Integer, TwilioApiError> KNOWN = Map.ofEntries(
      known(401, 20003, "Authenticate"),
      known(404, 20404, "The requested resource was not found"),
      known(429, 20429, "Too Many Requests"),
      known(500, 20500, "Internal Server Error"),
      known(503, 20503, "Service Unavailable"),
      known(400, 21201, "No 'To' number is specified"),
      known(400, 21205, "Url, Twiml or ApplicationSid is required"),
      known(400, 21211, "The 'To' number is not a valid phone number."),
      known(400, 21213, "No 'From' number is specified"),
      known(400, 21602, "Message body is required."),
      known(400, 21603, "A 'From' phone number is required."),
      known(400, 21604, "A 'To' phone number is required."),
      known(400, 21610, "Attempt to send to unsubscribed recipient"),
      known(400, 21614, "'To' number is not a valid mobile number"),
      known(400, 21617, "The concatenated message body exceeds the 1600 character limit."));

  private static Map.Entry<Integer, TwilioApiError> known(int status, int code, String message) {
    return Map.entry(code, new TwilioApiError(status, code, message));
  }

  static TwilioApiError of(int code) {
    return KNOWN.getOrDefault(code, new TwilioApiError(400, code, "Error " + code));
  }

  /** An injected HTTP status, with the code Twilio uses for it. */
  static TwilioApiError forStatus(int status) {
    return switch (status) {
      case 401 -> of(20003);
      case 404 -> of(20404);
      case 429 -> of(20429);
      case 503 -> of(20503);
      default -> status >= 500 ? new TwilioApiError(status, 20500, "Internal Server Error")
          : new TwilioApiError(status, 20001, "Invalid request");
    };
  }

  TwilioApiError withStatus(Integer httpStatus) {
    return httpStatus == null ? this : new TwilioApiError(httpStatus, code, message);
  }

  /** The JSON body, shaped like Twilio's. */
  Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("message", message);
    body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
    body.put("status", status);
    return body;
  }
}
