package dev.herald.api.bench;

import dev.herald.workflows.notification.NotificationIds;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many of a row's requests are SENT in the delivery log, cheap enough to poll while the row measures: by
 * notification id through the log's index, asking only about those not seen SENT yet. Planned afresh each time:
 * a plan cached while the log was nearly empty (or not yet analyzed) scans the whole log, comparing every row
 * with every id, and polled while a row measures that took up to a core.
 */
final class SentCount {

  private static final String SENT = "select notification_id from delivery where notification_id = any(?) and status = 'SENT'";

  private final JdbcTemplate jdbc;
  private final Set<String> waiting;
  private final int total;

  SentCount(JdbcTemplate jdbc, String sender, Collection<String> keys) {
    this.jdbc = jdbc;
    this.waiting = keys.stream().map(key -> NotificationIds.of(sender, key)).collect(Collectors.toCollection(HashSet::new));
    this.total = waiting.size();
  }

  synchronized int sent() {
    if (!waiting.isEmpty()) {
      Object[] ids = waiting.toArray();
      jdbc.query(connection -> {
        PreparedStatement statement = connection.prepareStatement(SENT);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        statement.setArray(1, connection.createArrayOf("text", ids));
        return statement;
      }, (row, n) -> row.getString(1)).forEach(waiting::remove);
    }
    return total - waiting.size();
  }

  int total() {
    return total;
  }
}
