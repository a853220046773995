package dev.herald.devkit.simulator.twilio;

import dev.herald.devkit.outbox.OutboxMessage;
import dev.herald.devkit.outbox.OutboxSource;
import dev.herald.workflows.messages.Channel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the Twilio simulator accepted on one channel (SMS or VOICE), for the dev outbox. */
final class TwilioOutbox implements OutboxSource {

  private final Channel channel;
  private final TwilioSimulator simulator;

  TwilioOutbox(Channel channel, TwilioSimulator simulator) {
    this.channel = channel;
    this.simulator = simulator;
  }

  @Override
  public Channel channel() {
    return channel;
  }

  @Override
  public List<OutboxMessage> messages() {
    return simulator.accepted(channel).stream().map(TwilioOutbox::toOutbox).toList();
  }

  private static OutboxMessage toOutbox(SimulatedItem item) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Sid", item.sid());
    headers.put("Status", item.status());
    headers.putAll(item.details());
    return new OutboxMessage(item.channel(), List.of(item.to()), item.from(), null, item.content(), headers,
        item.receivedAt());
  }
}
