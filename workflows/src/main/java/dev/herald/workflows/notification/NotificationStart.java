package dev.herald.workflows.notification;

import static dev.herald.workflows.messages.NotificationStatus.ACCEPTED;
import static dev.herald.workflows.messages.NotificationStatus.SENDING;

import dev.herald.workflows.HeraldSearchAttributes;
import dev.herald.workflows.audience.AudienceRules;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import io.temporal.common.SearchAttributes;

/**
 * The search attributes a notification's workflow starts with. A notification with nothing to wait
 * for before its sends (something to send, no approval, no {@code sendAt}) starts as SENDING, the
 * status its workflow records first; the workflow then leaves that attribute as it is, so a single
 * send updates its search attributes once (its final status) instead of twice. Anything else starts
 * as ACCEPTED, and its workflow sets each status as it gets there.
 */
public final class NotificationStart {

  private NotificationStart() {}

  public static SearchAttributes searchAttributes(NotificationSpec spec) {
    return SearchAttributes.newBuilder()
        .set(HeraldSearchAttributes.STATUS, status(spec).name())
        .set(HeraldSearchAttributes.CHANNELS, spec.channels().stream().map(Channel::name).toList())
        .set(HeraldSearchAttributes.PRIORITY, spec.priority().name())
        .set(HeraldSearchAttributes.SENDER, spec.sender())
        .build();
  }

  static NotificationStatus status(NotificationSpec spec) {
    boolean atOnce = !spec.isBroadcast() && spec.sendAt() == null
        && !spec.approval().requiresApproval(spec.recipients().size()) && !AudienceRules.ofList(spec.id(), spec.channels(), spec.recipients()).isEmpty();
    return atOnce ? SENDING : ACCEPTED;
  }
}
