package dev.herald.devkit.outbox;

import dev.herald.activities.inapp.Inbox;
import dev.herald.activities.inapp.InboxItem;
import dev.herald.devkit.DevMode;
import dev.herald.workflows.messages.Channel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/** Dev mode: the latest in-app items of every inbox, for {@code GET /api/v1/dev/outbox?channel=IN_APP}. */
@Component
@ConditionalOnExpression(DevMode.ENABLED)
class InboxOutbox implements OutboxSource {

  static final int LATEST = 200;

  private final Inbox inbox;

  InboxOutbox(Inbox inbox) {
    this.inbox = inbox;
  }

  @Override
  public Channel channel() {
    return Channel.IN_APP;
  }

  @Override
  public List<OutboxMessage> messages() {
    return inbox.latestOfAll(LATEST).stream().map(InboxOutbox::toOutbox).toList();
  }

  private static OutboxMessage toOutbox(InboxItem item) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("itemId", Long.toString(item.id()));
    headers.put("notificationId", item.notificationId());
    headers.put("deliveryId", item.deliveryId());
    headers.put("read", Boolean.toString(item.read()));
    return new OutboxMessage(Channel.IN_APP, List.of(item.recipientId()), null, item.title(), item.body(), headers,
        item.createdAt());
  }
}
