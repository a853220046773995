package dev.herald.devkit.outbox;

import dev.herald.workflows.messages.Channel;
import java.util.List;

/** A local sink or simulator that captured what Herald sent on one channel (dev mode only). */
public interface OutboxSource {

  Channel channel();

  List<OutboxMessage> messages();
}
