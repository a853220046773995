package dev.herald.activities.delivery;

import dev.herald.workflows.audience.AudienceRules;
import dev.herald.workflows.audience.PlannedDelivery;
import dev.herald.workflows.messages.Audience;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Recipient;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A group's audience in the delivery log: its members at one moment, numbered from 0 in
 * recipient-id order, planned by {@link AudienceRules} as a list's recipients are. Members are read
 * as a stream and their deliveries inserted a chunk at a time, so no audience is held in memory
 * whole. Run in one REPEATABLE READ transaction, so the count and the members are one snapshot.
 */
@Component
public class GroupAudiences {

  /** Deliveries per insert statement. */
  static final int CHUNK = 5_000;

  private static final String MEMBERS = """
      select m.recipient_id, r.email, r.phone, r.locale, r.slack
      from group_member m join recipient r on r.owner = m.owner and r.external_id = m.recipient_id
      where m.group_id = ?
      order by m.recipient_id""";

  private final JdbcClient jdbc;
  private final JdbcOperations rows;
  private final DeliveryLogWrites writes;
  private final DeliveryCounts counts;

  GroupAudiences(NamedParameterJdbcOperations jdbc, DeliveryLogWrites writes, DeliveryCounts counts) {
    this.jdbc = JdbcClient.create(jdbc);
    this.rows = jdbc.getJdbcOperations();
    this.writes = writes;
    this.counts = counts;
  }

  /**
   * Records the notification and, on the first call only, its members' deliveries (they commit
   * together); a repeat reads the audience back.
   */
  @Transactional(isolation = Isolation.REPEATABLE_READ)
  public Audience record(NotificationSpec spec, NotificationStatus status) {
    Optional<Long> group = groupId(spec.sender(), spec.group());
    int members = group.map(this::members).orElse(0);
    if (writes.insertNotification(spec, members, status) == 1 && members > 0) {
      reserve(spec, group.get());
    }
    List<ChannelCounts> stored = counts.byChannel(spec.id());
    return new Audience(storedRecipientCount(spec.id()),
        stored.stream().map(c -> ChannelCounts.reserved(c.channel(), c.total())).toList());
  }

  /** The sender's own group: a key names a group of the notification's sender only. */
  private Optional<Long> groupId(String sender, String groupKey) {
    return jdbc.sql("select id from recipient_group where owner = :owner and key = :key").param("owner", sender)
        .param("key", groupKey).query(Long.class).optional();
  }

  private int members(long groupId) {
    return jdbc.sql("select count(*) from group_member where group_id = :groupId").param("groupId", groupId)
        .query(Integer.class).single();
  }

  /** Reserves the members' deliveries on every channel of the notification. */
  private void reserve(NotificationSpec spec, long groupId) {
    AudienceRules rules = new AudienceRules(spec.id(), spec.channels());
    List<PlannedDelivery> chunk = new ArrayList<>(CHUNK);
    int[] seq = {0};
    rows.query(connection -> {
      PreparedStatement statement = connection.prepareStatement(MEMBERS);
      statement.setFetchSize(CHUNK);
      statement.setLong(1, groupId);
      return statement;
    }, row -> {
      Recipient member = new Recipient(row.getString(1), row.getString(2), row.getString(3), null, row.getString(4),
          row.getString(5));
      chunk.addAll(rules.plan(seq[0]++, member));
      if (chunk.size() >= CHUNK) {
        writes.insertDeliveries(spec.id(), chunk);
        chunk.clear();
      }
    });
    if (!chunk.isEmpty()) {
      writes.insertDeliveries(spec.id(), chunk);
    }
  }

  private int storedRecipientCount(String notificationId) {
    return jdbc.sql("select recipient_count from notification where id = :id").param("id", notificationId)
        .query(Integer.class).single();
  }
}
