package dev.herald.devkit.simulator.slack;

import dev.herald.devkit.fault.SimulatedDelay;
import dev.herald.devkit.fault.SimulatorFault;
import dev.herald.devkit.fault.SimulatorFaults;
import dev.herald.devkit.outbox.OutboxMessage;
import dev.herald.devkit.outbox.OutboxSource;
import dev.herald.workflows.messages.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Slack's {@code chat.postMessage} in this process, answering like Slack: {@code {"ok":true,
 * "channel","ts","message"}} on success, {@code {"ok":false,"error":"<name>"}} with HTTP 200 for its
 * errors, HTTP 429 {@code ratelimited} with a Retry-After when rate limited. Checks the bot token
 * ({@code not_authed} without one, {@code invalid_auth} when wrong), then injected faults
 * ({@code slack}), then the message: a channel is required ({@code channel_not_found}), so is text
 * ({@code no_text}), at most 40,000 characters ({@code msg_too_long}). A few conversation ids always
 * fail, for tests and demos (see {@link #MAGIC_CHANNELS}). A message to a user id (U…, W…) goes to
 * the app's direct message with them, {@code D…}, as at Slack. Accepted messages show in the dev outbox.
 */
public class SlackSimulator implements OutboxSource {

  public static final String PATH = "/simulators/slack";
  static final String FAULTS = "slack";
  /** What a rate limit asks the client to wait. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(1);
  /** Slack's limit on a message's text. */
  static final int MAX_TEXT_CHARS = 40_000;
  /** Conversation ids whose posts Slack refuses, with the error it gives. */
  static final Map<String, String> MAGIC_CHANNELS = Map.of(
      "C0NOTFOUND", "channel_not_found",
      "C0ARCHIVED", "is_archived",
      "C0NOTMEMBER", "not_in_channel",
      "U0NOTFOUND", "user_not_found",
      "U0HERALDBOT", "cannot_dm_bot");
  static final String BOT_USER = "U0HERALDBOT";
  static final String BOT_ID = "B0HERALDDEV";
  private static final int KEEP = 10_000;

  /** One answer: HTTP status, JSON body, Retry-After (or null). */
  record Answer(int status, Map<String, Object> body, Duration retryAfter) {}

  /** A call that reached the simulator: the channel asked for, the HTTP status and Slack error answered. */
  public record SimulatedRequest(String channel, int status, String error, Instant receivedAt) {}

  private final SimulatorFaults faults;
  private final SlackSimulatorProperties properties;
  private final Duration clientTimeout;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();
  private final Deque<SimulatedRequest> requests = new ArrayDeque<>();
  private final Deque<OutboxMessage> outbox = new ArrayDeque<>();

  SlackSimulator(SimulatorFaults faults, SlackSimulatorProperties properties, Duration clientTimeout, Clock clock) {
    this.faults = faults;
    this.properties = properties;
    this.clientTimeout = clientTimeout;
    this.clock = clock;
  }

  /** {@code chat.postMessage} with its arguments (form fields or JSON properties). */
  Answer postMessage(String authorization, Map<String, ?> arguments) {
    String channel = text(arguments, "channel");
    Optional<SimulatorFault> fault = faults.draw(FAULTS);
    fault.map(SimulatorFault::latency).ifPresent(SimulatedDelay::hold);
    if (fault.filter(SimulatorFault::timeout).isPresent()) {
      SimulatedDelay.hold(clientTimeout.plusSeconds(1));
      return error(channel, 504, "request_timeout", null);
    }
    if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
      return error(channel, 200, "not_authed", null);
    }
    if (!authorization.substring(7).strip().equals(properties.token())) {
      return error(channel, 200, "invalid_auth", null);
    }
    Optional<Answer> injected = fault.flatMap(f -> injected(channel, f));
    if (injected.isPresent()) {
      faults.countInjected(FAULTS);
      return injected.get();
    }
    String text = text(arguments, "text");
    if (channel == null || channel.isBlank()) {
      return error(channel, 200, "channel_not_found", null);
    }
    if (MAGIC_CHANNELS.containsKey(channel)) {
      return error(channel, 200, MAGIC_CHANNELS.get(channel), null);
    }
    if ((text == null || text.isBlank()) && arguments.get("blocks") == null && arguments.get("attachments") == null) {
      return error(channel, 200, "no_text", null);
    }
    if (text != null && text.length() > MAX_TEXT_CHARS) {
      return error(channel, 200, "msg_too_long", null);
    }
    return accept(channel, text == null ? "" : text);
  }

  /** Every call the simulator received for a channel argument, accepted or not, oldest first. */
  public List<SimulatedRequest> requestsTo(String channel) {
    synchronized (requests) {
      return requests.stream().filter(request -> channel.equals(request.channel())).toList();
    }
  }

  /** Accepted messages posted to a channel argument (a user id or a conversation id), oldest first. */
  public List<OutboxMessage> postedTo(String channel) {
    return select(message -> message.to().contains(channel));
  }

  @Override
  public Channel channel() {
    return Channel.SLACK;
  }

  @Override
  public List<OutboxMessage> messages() {
    return select(message -> true);
  }

  private Answer accept(String channel, String text) {
    Instant now = clock.instant();
    String ts = String.format(Locale.ROOT, "%d.%06d", now.getEpochSecond(), sequence.incrementAndGet() % 1_000_000);
    String conversation = channel.startsWith("U") || channel.startsWith("W") ? "D" + channel.substring(1) : channel;
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", "message");
    message.put("text", text);
    message.put("user", BOT_USER);
    message.put("bot_id", BOT_ID);
    message.put("ts", ts);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ok", true);
    body.put("channel", conversation);
    body.put("ts", ts);
    body.put("message", message);
    record(new SimulatedRequest(channel, 200, null, now));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("channel", conversation);
    headers.put("ts", ts);
    synchronized (outbox) {
      outbox.addLast(new OutboxMessage(Channel.SLACK, List.of(channel), BOT_ID, null, text, headers, now));
      if (outbox.size() > KEEP) {
        outbox.removeFirst();
      }
    }
    return new Answer(200, body, null);
  }

  /**
   * A fault's errorCode (a Slack error name, e.g. channel_not_found) and/or httpStatus, answered as
   * Slack would: an error name alone with HTTP 200 ({@code ratelimited}: 429), a status alone with
   * Slack's name for it; neither: no error.
   */
  private Optional<Answer> injected(String channel, SimulatorFault fault) {
    boolean named = fault.errorCode() != null && !fault.errorCode().isBlank();
    if (!named && fault.httpStatus() == null) {
      return Optional.empty();
    }
    String error = named ? fault.errorCode().strip().toLowerCase(Locale.ROOT) : errorFor(fault.httpStatus());
    int status = fault.httpStatus() != null ? fault.httpStatus() : (error.equals("ratelimited") ? 429 : 200);
    return Optional.of(error(channel, status, error, status == 429 ? RETRY_AFTER : null));
  }

  private static String errorFor(int status) {
    if (status == 429) {
      return "ratelimited";
    }
    if (status == 503) {
      return "service_unavailable";
    }
    return status >= 500 ? "internal_error" : "invalid_arguments";
  }

  private Answer error(String channel, int status, String error, Duration retryAfter) {
    record(new SimulatedRequest(channel, status, error, clock.instant()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ok", false);
    body.put("error", error);
    return new Answer(status, body, status == 429 && retryAfter == null ? RETRY_AFTER : retryAfter);
  }

  private void record(SimulatedRequest request) {
    synchronized (requests) {
      requests.addLast(request);
      if (requests.size() > KEEP) {
        requests.removeFirst();
      }
    }
  }

  private List<OutboxMessage> select(Predicate<OutboxMessage> filter) {
    synchronized (outbox) {
      return outbox.stream().filter(filter).toList();
    }
  }

  private static String text(Map<String, ?> arguments, String name) {
    Object value = arguments == null ? null : arguments.get(name);
    return value == null ? null : value.toString();
  }

}
