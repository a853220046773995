package dev.herald.activities.broadcast;

import dev.herald.activities.template.TemplateRenderer;
import dev.herald.workflows.broadcast.BroadcastActivities;
import dev.herald.workflows.messages.Channel;
import org.springframework.stereotype.Component;

/**
 * Makes each channel's batch activity over that channel's single-message activity. The worker
 * registers one on every channel queue it serves; a queue's {@code ratePerSecond} then limits batch
 * starts for broadcasts (100 to 1,000 messages each), single sends for lists.
 */
@Component
public class BroadcastBatches {

  private final BatchStore store;
  private final TemplateRenderer templates;

  BroadcastBatches(BatchStore store, TemplateRenderer templates) {
    this.store = store;
    this.templates = templates;
  }

  /** @param channelActivities the channel's activity implementation: {@code EmailActivities} for EMAIL, ... */
  public BroadcastActivities forChannel(Channel channel, Object channelActivities) {
    return new BroadcastActivitiesImpl(channel, ItemSender.of(channel, channelActivities), store, templates,
        SendGroups.sizeFor(channel));
  }
}
