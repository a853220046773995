package dev.herald.workflows.notification;

import dev.herald.workflows.channel.ChannelActivities;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.OutgoingMessage;
import dev.herald.workflows.messages.PlannedDelivery;
import dev.herald.workflows.messages.ProviderReceipt;
import dev.herald.workflows.messages.Recipient;
import dev.herald.workflows.messages.RenderedMessage;
import dev.herald.workflows.template.TemplateActivities;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * One send on the delivery's channel: the content (inline, or the template rendered once per
 * channel and locale) and the channel's activity on its queue.
 */
final class ChannelSends {

  /** A channel's stub, made when the notification first sends on it (a stub costs reflection). */
  private final Map<Channel, ChannelActivities> stubs = new EnumMap<>(Channel.class);
  private final TemplateActivities templates;
  private final Map<String, Promise<RenderedMessage>> rendered = new HashMap<>();

  ChannelSends(TemplateActivities templates) {
    this.templates = templates;
  }

  ProviderReceipt send(NotificationSpec spec, PlannedDelivery delivery) {
    Recipient recipient = spec.recipients().get(delivery.recipientIndex());
    RenderedMessage content = contentFor(spec, delivery.channel(), recipient.locale());
    return stub(delivery.channel()).send(new OutgoingMessage(delivery.id(), spec.id(), spec.sender(),
        delivery.channel(), delivery.address(), recipient, content));
  }

  private ChannelActivities stub(Channel channel) {
    return stubs.computeIfAbsent(channel,
        c -> Workflow.newActivityStub(ChannelActivities.class, Channels.of(c).sendOptions()));
  }

  /** Inline content as is; a template rendered on first use for this channel and locale, then reused. */
  private RenderedMessage contentFor(NotificationSpec spec, Channel channel, String locale) {
    if (spec.template() == null) {
      return new RenderedMessage(null, spec.content().subject(), spec.content().body(), null);
    }
    return rendered.computeIfAbsent(channel + "|" + locale,
        key -> Async.function(templates::renderTemplate, spec.template(), channel, locale)).get();
  }
}
