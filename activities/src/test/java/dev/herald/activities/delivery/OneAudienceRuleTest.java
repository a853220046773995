package dev.herald.activities.delivery;

import static dev.herald.activities.delivery.DeliveryLogFixtures.broadcast;
import static dev.herald.activities.delivery.DeliveryLogFixtures.list;
import static dev.herald.activities.delivery.DeliveryLogFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import dev.herald.activities.GroupFixtures;
import dev.herald.activities.GroupFixtures.Member;
import dev.herald.activities.delivery.DeliveryLogFixtures.StoredDelivery;
import dev.herald.workflows.messages.Audience;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Recipient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A list and a group go through one audience rule: the same members, sent once as a request's list
 * (in recipient-id order) and once as a group, get the same deliveries. Each test rolls back.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = NONE)
class OneAudienceRuleTest {

  private static final Channel[] CHANNELS = {Channel.EMAIL, Channel.SMS, Channel.IN_APP, Channel.PUSH};

  @Autowired DeliveryLogActivitiesImpl log;
  @Autowired NamedParameterJdbcTemplate template;

  /**
   * "User-A" and "user-a" are two members (ids compare as they are) whose emails differ only in
   * case (one address); "user-b" shares "user-a"'s phone. Ids sort bytewise: "User-A" comes first.
   */
  @Test
  void aListAndAGroupOfTheSameMembersGetTheSameDeliveries() {
    GroupFixtures.group(jdbc(), DeliveryLogFixtures.SENDER, "same-members", List.of(
        new Member("user-a", "Ann", "de-DE", "same@example.com", "+15550000001"),
        new Member("User-A", "Big Ann", null, "Same@Example.com", "+15550000002"),
        new Member("user-b", null, "ko-KR", "b@example.com", "+15550000001"),
        new Member("user-c", null, null, null, null)));
    List<Recipient> members = storedMembersInIdOrder("same-members");
    NotificationSpec asList = list("same-as-list", members, CHANNELS);
    NotificationSpec asGroup = broadcast("same-as-group", "same-members", CHANNELS);

    Audience listAudience = log.recordAudience(asList, NotificationStatus.SENDING);
    Audience groupAudience = log.recordAudience(asGroup, NotificationStatus.SENDING);

    assertThat(members).extracting(Recipient::id).containsExactly("User-A", "user-a", "user-b", "user-c");
    assertThat(groupAudience).isEqualTo(listAudience).isEqualTo(new Audience(4, List.of(
        ChannelCounts.reserved(Channel.EMAIL, 2), ChannelCounts.reserved(Channel.SMS, 2),
        ChannelCounts.reserved(Channel.IN_APP, 4), ChannelCounts.reserved(Channel.PUSH, 4))));
    assertThat(stored(jdbc(), asGroup.id())).containsExactly(
        pending("email/0", Channel.EMAIL, "Same@Example.com", 0, "User-A", null),
        pending("email/2", Channel.EMAIL, "b@example.com", 2, "user-b", "ko-KR"),
        pending("in_app/0", Channel.IN_APP, "User-A", 0, "User-A", null),
        pending("in_app/1", Channel.IN_APP, "user-a", 1, "user-a", "de-DE"),
        pending("in_app/2", Channel.IN_APP, "user-b", 2, "user-b", "ko-KR"),
        pending("in_app/3", Channel.IN_APP, "user-c", 3, "user-c", null),
        pending("push/0", Channel.PUSH, "User-A", 0, "User-A", null),
        pending("push/1", Channel.PUSH, "user-a", 1, "user-a", "de-DE"),
        pending("push/2", Channel.PUSH, "user-b", 2, "user-b", "ko-KR"),
        pending("push/3", Channel.PUSH, "user-c", 3, "user-c", null),
        pending("sms/0", Channel.SMS, "+15550000002", 0, "User-A", null),
        pending("sms/1", Channel.SMS, "+15550000001", 1, "user-a", "de-DE"));
    assertThat(stored(jdbc(), asList.id())).isEqualTo(stored(jdbc(), asGroup.id()));
    assertThat(notificationSummary(asList)).isEqualTo(notificationSummary(asGroup)).isEqualTo("SENDING 4");
  }

  /** The group's stored members as a request would name them, in recipient-id order. */
  private List<Recipient> storedMembersInIdOrder(String groupKey) {
    return jdbc().sql("""
            select r.external_id, r.email, r.phone, r.locale
            from recipient r
            join group_member m on m.owner = r.owner and m.recipient_id = r.external_id
            join recipient_group g on g.id = m.group_id
            where g.key = :key
            order by r.external_id""")
        .param("key", groupKey)
        .query((row, n) -> new Recipient(row.getString("external_id"), row.getString("email"), row.getString("phone"),
            null, row.getString("locale"), null))
        .list();
  }

  private String notificationSummary(NotificationSpec spec) {
    return jdbc().sql("select status || ' ' || recipient_count from notification where id = :id")
        .param("id", spec.id()).query(String.class).single();
  }

  private static StoredDelivery pending(String key, Channel channel, String address, int seq, String recipientId,
      String locale) {
    return new StoredDelivery(key, channel, address, seq, recipientId, locale, null, DeliveryStatus.PENDING);
  }

  private JdbcClient jdbc() {
    return JdbcClient.create(template);
  }
}
