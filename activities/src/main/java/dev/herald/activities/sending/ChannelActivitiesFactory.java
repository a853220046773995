package dev.herald.activities.sending;

import dev.herald.activities.attachment.AttachmentLinks;
import dev.herald.activities.attachment.Attachments;
import dev.herald.activities.preference.SendGate;
import dev.herald.activities.channel.ChannelAdapter;
import dev.herald.activities.metrics.SendMeters;
import dev.herald.activities.precedence.Precedence;
import dev.herald.activities.preference.links.PreferenceLinks;
import dev.herald.activities.template.TemplateRenderer;
import dev.herald.workflows.channel.ChannelActivities;
import org.springframework.stereotype.Component;

/**
 * Makes a channel's activities over its adapter. The worker registers them on the channel's queue;
 * the queue's {@code ratePerSecond} then limits batch starts (a batch is 1 to 1,000 messages).
 */
@Component
public class ChannelActivitiesFactory {

  private final BatchStore store;
  private final OutcomeWriter writer;
  private final TemplateRenderer templates;
  private final SendGate gate;
  private final PreferenceLinks links;
  private final Attachments attachments;
  private final AttachmentLinks attachmentLinks;
  private final SendMeters meters;
  private final Precedence precedence;

  ChannelActivitiesFactory(BatchStore store, OutcomeWriter writer, TemplateRenderer templates, SendGate gate,
      PreferenceLinks links, Attachments attachments, AttachmentLinks attachmentLinks, SendMeters meters,
      Precedence precedence) {
    this.attachments = attachments;
    this.attachmentLinks = attachmentLinks;
    this.precedence = precedence;
    this.links = links;
    this.meters = meters;
    this.store = store;
    this.writer = writer;
    this.templates = templates;
    this.gate = gate;
  }

  public ChannelActivities forAdapter(ChannelAdapter adapter) {
    return new ChannelActivitiesImpl(adapter,
        new BatchSender(adapter, store, writer, templates, gate, links, attachments, attachmentLinks, meters, precedence,
            ClaimGroups.sizeFor(adapter.channel())));
  }
}
