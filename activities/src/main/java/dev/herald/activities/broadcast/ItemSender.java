package dev.herald.activities.broadcast;

import dev.herald.workflows.email.EmailActivities;
import dev.herald.workflows.inapp.InAppActivities;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.EmailMessage;
import dev.herald.workflows.messages.InAppMessage;
import dev.herald.workflows.messages.ProviderReceipt;
import dev.herald.workflows.messages.PushMessage;
import dev.herald.workflows.messages.RenderedMessage;
import dev.herald.workflows.messages.SmsMessage;
import dev.herald.workflows.messages.VoiceCall;
import dev.herald.workflows.push.PushActivities;
import dev.herald.workflows.sms.SmsActivities;
import dev.herald.workflows.voice.VoiceActivities;
import java.util.Map;

/**
 * Sends one member's message through the channel's own activity implementation, called in-process
 * (its opt-out checks, device fan-out and inbox writes apply as for a single send). Each message is
 * built as the workflow's {@code ChannelSends} builds it for a list recipient.
 */
@FunctionalInterface
interface ItemSender {

  /** @throws io.temporal.failure.ApplicationFailure as the channel activity fails */
  ProviderReceipt send(BatchRequest batch, BatchItem item, RenderedMessage content);

  /** @param activities the channel's activity implementation ({@code EmailActivities} for EMAIL, ...) */
  static ItemSender of(Channel channel, Object activities) {
    return switch (channel) {
      case EMAIL -> {
        EmailActivities email = (EmailActivities) activities;
        yield (batch, item, content) -> email.sendEmail(new EmailMessage(item.deliveryId(), batch.notificationId(),
            item.address(), content.subject(), content.body(), content.html(), content.from()));
      }
      case SMS -> {
        SmsActivities sms = (SmsActivities) activities;
        yield (batch, item, content) -> sms.sendSms(new SmsMessage(item.deliveryId(), batch.notificationId(),
            batch.sender(), item.address(), content.body(), content.from()));
      }
      case VOICE -> {
        VoiceActivities voice = (VoiceActivities) activities;
        yield (batch, item, content) -> voice.placeCall(new VoiceCall(item.deliveryId(), batch.notificationId(),
            batch.sender(), item.address(), content.body(), item.locale(), content.from()));
      }
      case PUSH -> {
        PushActivities push = (PushActivities) activities;
        yield (batch, item, content) -> push.sendPush(new PushMessage(item.deliveryId(), batch.notificationId(),
            item.recipientId(), null, content.subject(), content.body(), Map.of("notificationId", batch.notificationId())));
      }
      case IN_APP -> {
        InAppActivities inApp = (InAppActivities) activities;
        yield (batch, item, content) -> inApp.deliverInApp(new InAppMessage(item.deliveryId(), batch.notificationId(),
            item.address(), content.subject(), content.body()));
      }
    };
  }
}
