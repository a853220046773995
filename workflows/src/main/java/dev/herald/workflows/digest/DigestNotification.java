package dev.herald.workflows.digest;

import dev.herald.workflows.messages.DigestEvent;
import dev.herald.workflows.messages.DigestWindow;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.TemplateRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notification a window goes out as: the events' template (the version of the last event) with
 * the variables {@code events} (each event's variables and its {@code notificationId}, in order of
 * arrival) and {@code count}, to the recipient with the addresses of the last event, on its channels
 * (and channel mode) and priority. It has no digest itself, so it is sent.
 */
public final class DigestNotification {

  public static final String EVENTS = "events";
  public static final String COUNT = "count";
  public static final String NOTIFICATION_ID = "notificationId";

  private DigestNotification() {}

  public static NotificationSpec of(DigestWindow window, Instant now) {
    DigestEvent last = window.events().get(window.events().size() - 1);
    List<Map<String, Object>> events = window.events().stream().map(DigestNotification::item).toList();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(EVENTS, events);
    variables.put(COUNT, events.size());
    return new NotificationSpec(window.digestId(), window.idempotencyKey(), last.sender(), last.channels(), List.of(last.recipient()),
        null, last.priority(), null, last.approval(), now, "digest:" + window.digestId(), last.channelMode(),
        last.receiptWindow(), new TemplateRef(last.template().key(), last.template().version(), variables), null, null,
        last.category(), last.escalateAfter(), null);
  }

  private static Map<String, Object> item(DigestEvent event) {
    Map<String, Object> item = new LinkedHashMap<>(event.template().variables() == null ? Map.of()
        : event.template().variables());
    item.put(NOTIFICATION_ID, event.notificationId());
    return item;
  }
}
