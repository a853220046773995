package dev.herald.devkit.simulator.twilio;

import dev.herald.workflows.messages.Channel;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A message or call the simulator accepted, with the statuses it went through and the callbacks
 * it made for them.
 *
 * @param content the SMS body, or the call's TwiML
 * @param details extra facts shown in the outbox (segments and encoding of an SMS)
 */
public record SimulatedItem(Channel channel, String sid, String to, String from, String content,
    Map<String, String> details, URI statusCallback, Instant receivedAt, List<String> statuses,
    List<Callback> callbacks) {

  /** One status callback: the status it reported and what the webhook answered (0: unreachable). */
  public record Callback(String status, int answer) {}

  static SimulatedItem accepted(Channel channel, String sid, String to, String from, String content,
      Map<String, String> details, URI statusCallback, Instant receivedAt) {
    List<String> statuses = new CopyOnWriteArrayList<>(List.of("queued"));
    return new SimulatedItem(channel, sid, to, from, content, details, statusCallback, receivedAt, statuses,
        new CopyOnWriteArrayList<>());
  }

  public String status() {
    return statuses.get(statuses.size() - 1);
  }
}
