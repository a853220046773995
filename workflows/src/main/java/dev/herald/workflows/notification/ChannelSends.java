package dev.herald.workflows.notification;

import dev.herald.workflows.email.EmailActivities;
import dev.herald.workflows.inapp.InAppActivities;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.EmailMessage;
import dev.herald.workflows.messages.InAppMessage;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.PlannedDelivery;
import dev.herald.workflows.messages.ProviderReceipt;
import dev.herald.workflows.messages.PushMessage;
import dev.herald.workflows.messages.Recipient;
import dev.herald.workflows.messages.RenderedMessage;
import dev.herald.workflows.messages.SmsMessage;
import dev.herald.workflows.messages.VoiceCall;
import dev.herald.workflows.push.PushActivities;
import dev.herald.workflows.sms.SmsActivities;
import dev.herald.workflows.template.TemplateActivities;
import dev.herald.workflows.voice.VoiceActivities;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * One send on the delivery's channel: the content (inline, or the template rendered once per
 * channel and locale), the channel's message, and its activity on its queue.
 */
final class ChannelSends {

  /** A channel's stub, made when the notification first sends on it (a stub costs reflection). */
  private final Map<Channel, Object> stubs = new EnumMap<>(Channel.class);
  private final TemplateActivities templates;
  private final Map<String, Promise<RenderedMessage>> rendered = new HashMap<>();

  /** {@code templates}: the rendering stub, an activity or a local activity by workflow version. */
  ChannelSends(TemplateActivities templates) {
    this.templates = templates;
  }

  ProviderReceipt send(NotificationSpec spec, PlannedDelivery delivery) {
    Recipient recipient = spec.recipients().get(delivery.recipientIndex());
    RenderedMessage content = contentFor(spec, delivery.channel(), recipient.locale());
    return switch (delivery.channel()) {
      case EMAIL -> stub(EmailActivities.class, Channel.EMAIL).sendEmail(new EmailMessage(delivery.id(), spec.id(),
          delivery.address(), content.subject(), content.body(), content.html(), content.from()));
      case SMS -> stub(SmsActivities.class, Channel.SMS).sendSms(
          new SmsMessage(delivery.id(), spec.id(), spec.sender(), delivery.address(), content.body(), content.from()));
      case VOICE -> stub(VoiceActivities.class, Channel.VOICE).placeCall(new VoiceCall(delivery.id(), spec.id(),
          spec.sender(), delivery.address(), content.body(), recipient.locale(), content.from()));
      case PUSH -> stub(PushActivities.class, Channel.PUSH).sendPush(new PushMessage(delivery.id(), spec.id(),
          recipient.id(), recipient.pushToken(), content.subject(), content.body(), Map.of("notificationId", spec.id())));
      case IN_APP -> stub(InAppActivities.class, Channel.IN_APP).deliverInApp(
          new InAppMessage(delivery.id(), spec.id(), delivery.address(), content.subject(), content.body()));
    };
  }

  private <T> T stub(Class<T> activities, Channel channel) {
    return activities.cast(
        stubs.computeIfAbsent(channel, c -> Workflow.newActivityStub(activities, DeliveryPolicies.forChannel(c))));
  }

  /** Inline content as is; a template rendered on first use for this channel and locale, then reused. */
  private RenderedMessage contentFor(NotificationSpec spec, Channel channel, String locale) {
    if (spec.template() == null) {
      return new RenderedMessage(null, spec.content().subject(), spec.content().body(), null);
    }
    return rendered.computeIfAbsent(channel + "|" + locale,
        key -> Async.function(templates::renderTemplate, spec.template(), channel, locale)).get();
  }

  /** Channels whose provider reports the end of a delivery later, by receipt. */
  static boolean hasReceipts(Channel channel) {
    return channel == Channel.SMS || channel == Channel.VOICE;
  }
}
