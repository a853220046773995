package dev.herald.workflows.notification;

import static dev.herald.workflows.messages.NotificationStatus.ACCEPTED;
import static dev.herald.workflows.messages.NotificationStatus.SENDING;

import dev.herald.workflows.HeraldSearchAttributes;
import dev.herald.workflows.audience.AudienceRules;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import io.temporal.common.SearchAttributes;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The search attributes a notification's workflow starts with. A notification with nothing to wait
 * for before its sends (something to send, no approval, no {@code sendAt}) starts as SENDING, the
 * status its workflow records first; the workflow then leaves that attribute as it is, so a single
 * send updates its search attributes once (its final status) instead of twice. Anything else starts
 * as ACCEPTED, and its workflow sets each status as it gets there. What is known at the start is set
 * here (template, category, group or a list's size, send time); a group's size and the approver go
 * out with a later status change ({@link NotificationStages}).
 */
public final class NotificationStart {

  private NotificationStart() {}

  public static SearchAttributes searchAttributes(NotificationSpec spec) {
    SearchAttributes.Builder attributes = SearchAttributes.newBuilder()
        .set(HeraldSearchAttributes.STATUS, status(spec).name())
        .set(HeraldSearchAttributes.CHANNELS, spec.channels().stream().map(Channel::name).toList())
        .set(HeraldSearchAttributes.PRIORITY, spec.priority().name())
        .set(HeraldSearchAttributes.SENDER, spec.sender());
    if (spec.template() != null) {
      attributes.set(HeraldSearchAttributes.TEMPLATE, spec.template().key())
          .set(HeraldSearchAttributes.TEMPLATE_VERSION, (long) spec.template().version());
    }
    if (spec.isBroadcast()) {
      attributes.set(HeraldSearchAttributes.GROUP, spec.group());
    } else {
      attributes.set(HeraldSearchAttributes.AUDIENCE, (long) listSize(spec));
    }
    if (spec.category() != null) {
      attributes.set(HeraldSearchAttributes.CATEGORY, spec.category());
    }
    if (spec.sendAt() != null) {
      attributes.set(HeraldSearchAttributes.SEND_AT, spec.sendAt().atOffset(ZoneOffset.UTC));
    }
    return attributes.build();
  }

  /**
   * The workflow's static details for the Temporal UI: what the notification is, one fact a line
   * (markdown), without personal data: the template or inline content, category, mode, send time and
   * approval rule.
   */
  public static String staticDetails(NotificationSpec spec) {
    List<String> lines = new ArrayList<>();
    lines.add(spec.template() == null ? "inline content"
        : "template " + spec.template().key() + " version " + spec.template().version());
    if (spec.category() != null) {
      lines.add("category " + spec.category());
    }
    lines.add((spec.isBroadcast() ? "group " + spec.group() : listSize(spec) + " recipient(s)")
        + " on " + spec.channels() + (spec.channelMode() == null ? "" : " (" + spec.channelMode() + ")"));
    lines.add(spec.sendAt() == null ? "sent at once" : "send at " + spec.sendAt());
    String requestedBy = spec.approval().requestedByKey() == null ? "" : ", requested by key " + spec.approval().requestedByKey();
    lines.add("approval above " + spec.approval().threshold() + " recipients, within " + spec.approval().timeout() + requestedBy);
    return String.join("  \n", lines);
  }

  private static int listSize(NotificationSpec spec) {
    return spec.recipients() == null ? 0 : spec.recipients().size();
  }

  static NotificationStatus status(NotificationSpec spec) {
    boolean atOnce = !spec.isBroadcast() && spec.sendAt() == null
        && !spec.approval().requiresApproval(spec.recipients().size()) && !AudienceRules.ofList(spec.id(), spec.channels(), spec.recipients()).isEmpty();
    return atOnce ? SENDING : ACCEPTED;
  }
}
