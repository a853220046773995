package dev.herald.activities.delivery;

import dev.herald.workflows.messages.PlannedDelivery;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/** Inserts the PENDING rows of planned deliveries in batches; a repeat inserts nothing. */
@Component
class DeliveryReservations {

  private static final String INSERT = """
      insert into delivery (id, notification_id, channel, recipient, status, attempts, updated_at)
      values (:id, :notificationId, :channel, :recipient, 'PENDING', 0, now())
      on conflict (id) do nothing""";

  private final NamedParameterJdbcTemplate jdbc;

  DeliveryReservations(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void reserve(List<PlannedDelivery> deliveries) {
    SqlParameterSource[] rows = deliveries.stream()
        .map(d -> new MapSqlParameterSource()
            .addValue("id", d.id())
            .addValue("notificationId", d.notificationId())
            .addValue("channel", d.channel().name())
            .addValue("recipient", d.address()))
        .toArray(SqlParameterSource[]::new);
    jdbc.batchUpdate(INSERT, rows);
  }
}
