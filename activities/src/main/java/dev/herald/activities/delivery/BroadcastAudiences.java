package dev.herald.activities.delivery;

import dev.herald.workflows.channel.AddressKind;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.notification.NotificationIds;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A broadcast's audience in the delivery log: the group's members at one moment, numbered from 0 in
 * recipient-id order ({@code recipient_seq}), with one PENDING delivery per member and channel where
 * the member has an address. Run every statement in one REPEATABLE READ transaction so all channels
 * see the same members and numbers.
 */
@Component
class BroadcastAudiences {

  /**
   * The delivery id is {@link NotificationIds#broadcastDelivery}: {@code <notification>/<channel>/<recipient id>}.
   * An address shared by several members keeps the lowest-numbered member's delivery (distinct on).
   */
  private static final String SNAPSHOT = """
      insert into delivery (id, notification_id, channel, recipient, recipient_seq, recipient_id, status, attempts,
                            updated_at)
      select :notificationId || '/' || :channelPath || '/' || recipient_id, :notificationId, :channel, address, seq,
             recipient_id, 'PENDING', 0, now()
      from (
        select distinct on (dedupe) address, seq, recipient_id
        from (
          select m.recipient_id, %1$s as address, %2$s as dedupe,
                 row_number() over (order by m.recipient_id) - 1 as seq
          from group_member m join recipient r on r.external_id = m.recipient_id
          where m.group_id = :groupId
        ) members
        where address is not null and address <> ''
        order by dedupe, seq
      ) firsts
      on conflict (id) do nothing""";

  private final JdbcClient jdbc;

  BroadcastAudiences(NamedParameterJdbcOperations jdbc) {
    this.jdbc = JdbcClient.create(jdbc);
  }

  Optional<Long> groupId(String groupKey) {
    return jdbc.sql("select id from recipient_group where key = :key").param("key", groupKey).query(Long.class)
        .optional();
  }

  int members(long groupId) {
    return jdbc.sql("select count(*) from group_member where group_id = :groupId").param("groupId", groupId)
        .query(Integer.class).single();
  }

  /** Reserves the members' deliveries on one channel; a repeat inserts nothing. */
  int reserve(String notificationId, long groupId, Channel channel) {
    String sql = SNAPSHOT.formatted(address(channel), dedupeKey(channel));
    return jdbc.sql(sql)
        .param("notificationId", notificationId)
        .param("channelPath", channel.name().toLowerCase())
        .param("channel", channel.name())
        .param("groupId", groupId)
        .update();
  }

  /** The members' address on a channel, as {@link AddressKind#of} picks it for a list recipient. */
  private static String address(Channel channel) {
    return switch (Channels.of(channel).address()) {
      case EMAIL -> "r.email";
      case PHONE -> "r.phone";
      case RECIPIENT_ID, DEVICES -> "m.recipient_id";
    };
  }

  /** As {@link AddressKind#dedupeKey}: emails compare without case, other addresses as they are. */
  private static String dedupeKey(Channel channel) {
    return Channels.of(channel).address() == AddressKind.EMAIL ? "lower(r.email)" : address(channel);
  }

  int storedRecipientCount(String notificationId) {
    return jdbc.sql("select recipient_count from notification where id = :id").param("id", notificationId)
        .query(Integer.class).single();
  }
}
