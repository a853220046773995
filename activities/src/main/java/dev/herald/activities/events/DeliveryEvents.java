package dev.herald.activities.events;

import java.util.List;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

/**
 * Records delivery events that no status change of the delivery log writes by itself (its triggers
 * write the others): DEAD_LETTERED, REDRIVEN. Call it inside the transaction that makes the change,
 * so the event commits with it or not at all (docs/events.md).
 */
@Component
public class DeliveryEvents {

  /**
   * One event per delivery named, as the delivery stands; its row is locked first, so the event is
   * numbered after any change of that delivery committed before it.
   */
  private static final String RECORD = """
      insert into delivery_event (type, notification_id, delivery_id, channel, status, provider_message_id, error_code)
      select ?, d.notification_id, d.id, d.channel, d.status, d.provider_message_id,
             case when d.status in ('FAILED', 'SKIPPED') then d.error_code end
      from (select * from delivery where id = any(?::text[]) order by id for no key update) d""";

  private final JdbcOperations jdbc;

  DeliveryEvents(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** An event of {@code type} for each of these deliveries (ids not in the log are ignored); the count recorded. */
  public int record(DeliveryEventType type, List<String> deliveryIds) {
    if (deliveryIds.isEmpty()) {
      return 0;
    }
    return jdbc.update(RECORD, type.name(), deliveryIds.toArray(String[]::new));
  }

  public int record(DeliveryEventType type, String deliveryId) {
    return record(type, List.of(deliveryId));
  }
}
