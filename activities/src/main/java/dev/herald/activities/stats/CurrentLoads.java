package dev.herald.activities.stats;

import dev.herald.workflows.messages.Channel;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What waits right now, from the delivery log: each from the notifications in one status (the
 * {@code (status, created_at)} index) or the open dead letters (their status index), never a scan of the log.
 */
@Component
public class CurrentLoads {

  /** The PENDING deliveries of the notifications sending now, through their batches' index (V8). */
  private static final String BACKLOG = """
      select d.channel, count(*) as n from notification n join delivery d on d.notification_id = n.id
      where n.status = 'SENDING' and d.status = 'PENDING' and (d.not_before is null or d.not_before <= now())
      group by d.channel order by d.channel""";

  private static final String WAITING = """
      select (select count(*) from notification where status = 'PENDING_APPROVAL') as awaiting,
             (select min(created_at) from notification where status = 'PENDING_APPROVAL') as oldest,
             (select count(*) from notification where status = 'SCHEDULED') as scheduled,
             (select count(*) from dead_letter where status = 'OPEN') as dead_letters""";

  private final JdbcClient jdbc;

  CurrentLoads(NamedParameterJdbcOperations jdbc) {
    this.jdbc = JdbcClient.create(jdbc);
  }

  public CurrentLoad now() {
    List<ChannelBacklog> backlog = jdbc.sql(BACKLOG)
        .query((row, n) -> new ChannelBacklog(Channel.valueOf(row.getString("channel")), row.getLong("n"))).list();
    return jdbc.sql(WAITING).query((row, n) -> {
      OffsetDateTime oldest = row.getObject("oldest", OffsetDateTime.class);
      return new CurrentLoad(backlog, row.getLong("awaiting"), oldest == null ? null : oldest.toInstant(),
          row.getLong("scheduled"), row.getLong("dead_letters"));
    }).single();
  }
}
