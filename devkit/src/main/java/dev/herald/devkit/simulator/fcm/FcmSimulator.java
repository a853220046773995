package dev.herald.devkit.simulator.fcm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.devkit.fault.SimulatedDelay;
import dev.herald.devkit.outbox.OutboxMessage;
import dev.herald.devkit.outbox.OutboxSource;
import dev.herald.devkit.fault.SimulatorFault;
import dev.herald.devkit.fault.SimulatorFaults;
import dev.herald.workflows.messages.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FCM HTTP v1 {@code messages:send} in this process, answering like FCM: {@code {"name":
 * "projects/<id>/messages/<id>"}} on success, Google's JSON error with an FcmError code otherwise.
 * Tokens starting with {@code unregistered-} are always UNREGISTERED, {@code invalid-} always
 * INVALID_ARGUMENT (a malformed token), so tests and demos can use them; every other token is a
 * live device. A notification plus data over FCM's 4 KB is INVALID_ARGUMENT, as at FCM. Injected faults ({@code fcm}) apply per call. Accepted pushes show in the dev outbox,
 * with their data ({@code data.<key>}), Android priority ({@code android.priority}), APNs and web push
 * headers ({@code apns.<header>}, {@code webpush.<header>}) and image URLs ({@code notification.image}, {@code
 * apns.fcm_options.image} with {@code apns.mutable-content}, {@code webpush.notification.image}).
 */
public class FcmSimulator implements OutboxSource {

  public static final String PATH = "/simulators/fcm";
  /** What UNAVAILABLE and QUOTA_EXCEEDED ask the client to wait. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(1);
  /** The outbox keeps the latest pushes only, so a benchmark cannot fill the heap. */
  static final int OUTBOX_LIMIT = 10_000;

  /** FCM's limit on a message's notification and data, in bytes. */
  static final int MAX_PAYLOAD_BYTES = 4096;

  /** One answer: HTTP status, JSON body, Retry-After (or null). */
  record Answer(int status, Map<String, Object> body, Duration retryAfter) {}

  private final SimulatorFaults faults;
  private final ObjectMapper json;
  private final Duration clientTimeout;
  private final Clock clock;
  private final Deque<OutboxMessage> outbox = new ConcurrentLinkedDeque<>();
  private final Map<String, AtomicInteger> callsByToken = new ConcurrentHashMap<>();

  FcmSimulator(SimulatorFaults faults, ObjectMapper json, Duration clientTimeout, Clock clock) {
    this.faults = faults;
    this.json = json;
    this.clientTimeout = clientTimeout;
    this.clock = clock;
  }

  Answer send(String projectId, String authorization, String requestBody) {
    JsonNode message;
    try {
      message = requestBody == null ? null : json.readTree(requestBody).get("message");
    } catch (JsonProcessingException e) {
      return error(FcmError.INVALID_ARGUMENT, "Invalid JSON payload received.", List.of());
    }
    if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
      return new Answer(401, FcmError.body(401, "UNAUTHENTICATED", null,
          "Request is missing required authentication credential. Expected OAuth 2 access token.", List.of()), null);
    }
    String token = message == null ? null : message.path("token").asText(null);
    if (token == null || token.isBlank()) {
      return error(FcmError.INVALID_ARGUMENT, "Recipient of the message is not set.", List.of());
    }
    callsByToken.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
    Optional<SimulatorFault> fault = faults.draw("fcm");
    fault.map(SimulatorFault::latency).ifPresent(SimulatedDelay::hold);
    if (fault.filter(SimulatorFault::timeout).isPresent()) {
      SimulatedDelay.hold(clientTimeout.plusSeconds(1));
      return error(FcmError.UNAVAILABLE, FcmError.UNAVAILABLE.message, List.of());
    }
    Optional<Answer> injected = fault.flatMap(FcmSimulator::injectedError);
    if (injected.isPresent()) {
      return injected.get();
    }
    if (payloadBytes(message) > MAX_PAYLOAD_BYTES) {
      return error(FcmError.INVALID_ARGUMENT, "Message is too big", List.of());
    }
    if (token.startsWith("unregistered-")) {
      return error(FcmError.UNREGISTERED, FcmError.UNREGISTERED.message, List.of());
    }
    if (token.startsWith("invalid-")) {
      return error(FcmError.INVALID_ARGUMENT, "The registration token is not a valid FCM registration token",
          List.of(Map.of("@type", "type.googleapis.com/google.rpc.BadRequest", "fieldViolations",
              List.of(Map.of("field", "message.token", "description", "Invalid registration token")))));
    }
    if (message.path("validate_only").asBoolean(false)) {
      return new Answer(200, Map.of("name", "projects/" + projectId + "/messages/fake_message_id"), null);
    }
    String name = "projects/" + projectId + "/messages/" + messageId();
    capture(projectId, token, name, message);
    return new Answer(200, Map.of("name", name), null);
  }

  private static int payloadBytes(JsonNode message) {
    return (message.path("notification").toString() + message.path("data").toString())
        .getBytes(StandardCharsets.UTF_8).length;
  }

  /** Calls that reached the simulator for this token, whatever they were answered. */
  public int callsFor(String token) {
    AtomicInteger calls = callsByToken.get(token);
    return calls == null ? 0 : calls.get();
  }

  @Override
  public Channel channel() {
    return Channel.PUSH;
  }

  @Override
  public List<OutboxMessage> messages() {
    return List.copyOf(outbox);
  }

  private void capture(String projectId, String token, String name, JsonNode message) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("fcm-message-name", name);
    message.path("data").fields().forEachRemaining(field -> headers.put("data." + field.getKey(), field.getValue().asText()));
    if (message.path("android").has("priority")) {
      headers.put("android.priority", message.path("android").path("priority").asText());
    }
    for (String platform : List.of("apns", "webpush")) {
      message.path(platform).path("headers").fields()
          .forEachRemaining(field -> headers.put(platform + "." + field.getKey(), field.getValue().asText()));
    }
    putText(headers, "notification.image", message.at("/notification/image"));
    putText(headers, "apns.fcm_options.image", message.at("/apns/fcm_options/image"));
    putText(headers, "apns.mutable-content", message.at("/apns/payload/aps/mutable-content"));
    putText(headers, "webpush.notification.image", message.at("/webpush/notification/image"));
    JsonNode notification = message.path("notification");
    outbox.add(new OutboxMessage(Channel.PUSH, List.of(token), "projects/" + projectId,
        notification.path("title").asText(null), notification.path("body").asText(null), headers, clock.instant()));
    while (outbox.size() > OUTBOX_LIMIT) {
      outbox.pollFirst();
    }
  }

  private static void putText(Map<String, String> headers, String name, JsonNode value) {
    if (!value.isMissingNode() && !value.isNull()) {
      headers.put(name, value.asText());
    }
  }

  /** A fault's errorCode (an FCM code) and/or httpStatus, answered as FCM would; neither: no error. */
  private static Optional<Answer> injectedError(SimulatorFault fault) {
    boolean hasCode = fault.errorCode() != null && !fault.errorCode().isBlank();
    if (!hasCode && fault.httpStatus() == null) {
      return Optional.empty();
    }
    Optional<FcmError> named = hasCode ? FcmError.named(fault.errorCode()) : Optional.empty();
    int status = fault.httpStatus() != null ? fault.httpStatus() : named.map(e -> e.httpStatus).orElse(500);
    FcmError shape = named.orElse(FcmError.forStatus(status));
    String code = hasCode ? fault.errorCode().strip().toUpperCase(Locale.ROOT) : shape.name();
    return Optional.of(new Answer(status, FcmError.body(status, shape.googleStatus, code, shape.message, List.of()),
        shape.retryAfter ? RETRY_AFTER : null));
  }

  private static Answer error(FcmError error, String message, List<Map<String, Object>> extraDetails) {
    return new Answer(error.httpStatus, error.body(message, extraDetails), error.retryAfter ? RETRY_AFTER : null);
  }

  /** Like FCM's: {@code 0:<microseconds>%<16 hex digits>}. */
  private String messageId() {
    long micros = clock.millis() * 1000 + ThreadLocalRandom.current().nextInt(1000);
    return "0:" + micros + "%" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }

}
