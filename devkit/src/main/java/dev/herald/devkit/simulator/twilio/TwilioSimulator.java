package dev.herald.devkit.simulator.twilio;

import dev.herald.activities.sms.SmsSegments;
import dev.herald.devkit.fault.SimulatedDelay;
import dev.herald.devkit.fault.SimulatorFaults;
import dev.herald.workflows.messages.Channel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Twilio's Messages and Calls endpoints, simulated: authenticates like Twilio, answers with its
 * JSON and error codes (including its magic test numbers), applies injected faults, keeps what it
 * accepted (the dev outbox) and every request (to count provider calls), and reports statuses to
 * the status callback like Twilio: SMS queued -> sent -> delivered, calls completed.
 */
public class TwilioSimulator implements AutoCloseable {

  static final String FAULTS = "twilio";
  private static final int KEEP = 10_000;

  private final SimulatedTwilioAccount account;
  private final SimulatorFaults faults;
  private final Duration clientTimeout;
  private final TwilioCallbacks callbacks;
  private final TwilioResources resources;
  private final Clock clock;
  private final Deque<SimulatedRequest> requests = new ArrayDeque<>();
  private final Deque<SimulatedItem> items = new ArrayDeque<>();

  TwilioSimulator(SimulatedTwilioAccount account, SimulatorFaults faults, Duration clientTimeout,
      TwilioCallbacks callbacks, Clock clock) {
    this.account = account;
    this.faults = faults;
    this.clientTimeout = clientTimeout;
    this.callbacks = callbacks;
    this.resources = new TwilioResources(account.accountSid(), clock);
    this.clock = clock;
  }

  ResponseEntity<Map<String, Object>> createMessage(String accountSid, String authorization, Map<String, String> form) {
    String to = form.get("To");
    FaultEffect fault = FaultEffect.of(faults.draw(FAULTS));
    Optional<TwilioApiError> refused =
        refuse(accountSid, authorization, fault).or(() -> TwilioRequestChecks.message(form));
    if (fault.timeout()) {
      return heldTooLong(Channel.SMS, to);
    }
    if (refused.isPresent()) {
      return error(Channel.SMS, to, refused.get());
    }
    String body = form.get("Body");
    SmsSegments segments = SmsSegments.of(body);
    SimulatedItem message = accept(SimulatedItem.accepted(Channel.SMS, sid("SM"), to, form.get("From"), body,
        Map.of("NumSegments", String.valueOf(segments.segments()), "Encoding", segments.encoding().label()),
        uri(form.get("StatusCallback")), clock.instant()));
    String end = fault.deliveryError() == null ? "delivered" : "undelivered";
    callbacks.report(message, List.of(resources.messageStatus(message, "sent", null),
        resources.messageStatus(message, end, fault.deliveryError())));
    return ResponseEntity.status(HttpStatus.CREATED).body(resources.message(message, segments));
  }

  ResponseEntity<Map<String, Object>> createCall(String accountSid, String authorization, Map<String, String> form) {
    String to = form.get("To");
    FaultEffect fault = FaultEffect.of(faults.draw(FAULTS));
    Optional<TwilioApiError> refused =
        refuse(accountSid, authorization, fault).or(() -> TwilioRequestChecks.call(form));
    if (fault.timeout()) {
      return heldTooLong(Channel.VOICE, to);
    }
    if (refused.isPresent()) {
      return error(Channel.VOICE, to, refused.get());
    }
    String twiml = form.getOrDefault("Twiml", "<Response><Redirect>" + form.get("Url") + "</Redirect></Response>");
    SimulatedItem call = accept(SimulatedItem.accepted(Channel.VOICE, sid("CA"), to, form.get("From"), twiml, Map.of(),
        uri(form.get("StatusCallback")), clock.instant()));
    String outcome = fault.callOutcome() == null ? "completed" : fault.callOutcome();
    callbacks.report(call, List.of(resources.callStatus(call, outcome)));
    return ResponseEntity.status(HttpStatus.CREATED).body(resources.call(call));
  }

  /** Simulates a person texting {@code body} from {@code from}: Twilio's signed POST to Herald's inbound webhook. */
  TwilioCallbacks.Answer receiveSms(String from, String to, String body) {
    URI webhook = URI.create(account.callbackBaseUrl().orElseThrow() + "/api/v1/webhooks/twilio/inbound");
    return callbacks.post(webhook, resources.inboundMessage(sid("SM"), from, to, body));
  }

  /** Every request the simulator received for a number, accepted or not, oldest first. */
  public List<SimulatedRequest> requestsTo(String to) {
    return select(requests, request -> to.equals(request.to()));
  }

  public List<SimulatedItem> accepted(Channel channel) {
    return select(items, item -> item.channel() == channel);
  }

  public List<SimulatedItem> acceptedTo(String to) {
    return select(items, item -> to.equals(item.to()));
  }

  private Optional<TwilioApiError> refuse(String accountSid, String authorization, FaultEffect fault) {
    if (fault.latency() != null) {
      SimulatedDelay.hold(fault.latency());
    }
    String expected = "Basic " + Base64.getEncoder().encodeToString(
        (account.accountSid() + ":" + account.authToken()).getBytes(StandardCharsets.UTF_8));
    if (!account.accountSid().equals(accountSid) || !expected.equals(authorization)) {
      return Optional.of(TwilioApiError.of(20003));
    }
    return fault.error();
  }

  private SimulatedItem accept(SimulatedItem item) {
    record(item.channel(), item.to(), HttpStatus.CREATED.value(), null);
    synchronized (items) {
      items.addLast(item);
      if (items.size() > KEEP) {
        items.removeFirst();
      }
    }
    return item;
  }

  private ResponseEntity<Map<String, Object>> error(Channel channel, String to, TwilioApiError error) {
    record(channel, to, error.status(), error.code());
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(error.status());
    if (error.status() == HttpStatus.TOO_MANY_REQUESTS.value()) {
      answer.header(HttpHeaders.RETRY_AFTER, "1");
    }
    return answer.body(error.body());
  }

  /** The client gives up before this answer: it is only sent after the client's timeout. */
  private ResponseEntity<Map<String, Object>> heldTooLong(Channel channel, String to) {
    record(channel, to, 0, null);
    SimulatedDelay.hold(clientTimeout.plusSeconds(1));
    return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).body(TwilioApiError.forStatus(504).body());
  }

  private void record(Channel channel, String to, int answer, Integer errorCode) {
    synchronized (requests) {
      requests.addLast(new SimulatedRequest(channel, to, answer, errorCode, clock.instant()));
      if (requests.size() > KEEP) {
        requests.removeFirst();
      }
    }
  }

  private static <T> List<T> select(Deque<T> source, Predicate<T> filter) {
    synchronized (source) {
      return source.stream().filter(filter).toList();
    }
  }

  private static String sid(String prefix) {
    byte[] random = new byte[16];
    ThreadLocalRandom.current().nextBytes(random);
    return prefix + HexFormat.of().formatHex(random);
  }

  private static URI uri(String value) {
    return value == null || value.isBlank() ? null : URI.create(value);
  }


  @Override
  public void close() {
    callbacks.close();
  }
}
