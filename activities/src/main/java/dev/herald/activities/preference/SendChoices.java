package dev.herald.activities.preference;

import dev.herald.workflows.messages.Channel;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what a group of members chose, in one statement, right before they are sent: their rules
 * that could cover the send's category and channel, their addresses' suppressions and their quiet hours.
 */
@Component
public class SendChoices {

  /** The members' choices, by recipient id and by address key ({@link Addresses#key}). */
  public record Loaded(Channel channel, Map<String, List<PreferenceRule>> rules,
      Map<String, List<Suppression>> suppressions, Map<String, QuietHoursSetting> quietHours) {

    public MemberChoices of(String recipientId, String address) {
      List<PreferenceRule> own = recipientId == null ? List.of() : rules.getOrDefault(recipientId, List.of());
      List<Suppression> blocked = address == null ? List.of()
          : suppressions.getOrDefault(Addresses.key(channel, address), List.of());
      return own.isEmpty() && blocked.isEmpty() ? MemberChoices.NONE : new MemberChoices(own, blocked);
    }

    /** The member's quiet hours as set, or null. */
    public QuietHoursSetting quietHoursOf(String recipientId) {
      return recipientId == null ? null : quietHours.get(recipientId);
    }
  }

  /** One union, so one round trip per group: each kind fills the columns it has, null the others. */
  private static final String LOAD = """
      select 'rule' as kind, recipient_id as member, category, channel, opted_out, source, updated_at, owner,
             null::time as starts, null::time as ends, null::text as zone
      from recipient_preference
      where owner = :owner and recipient_id = any(cast(:ids as text[])) and category in (:category, '*')
        and channel in (:channel, '*')
      union all
      select 'address', address, category, channel, true, source, created_at, owner, null, null, null
      from address_suppression
      where channel = :channel and address = any(cast(:addresses as text[])) and owner in (:owner, '*')
        and category in (:category, '*')
      union all
      select 'quiet', recipient_id, null, null, false, null, updated_at, owner, starts, ends, time_zone
      from recipient_quiet_hours
      where owner = :owner and recipient_id = any(cast(:ids as text[]))""";

  private final JdbcClient jdbc;

  public SendChoices(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param category the send's category, or null (then only rules and suppressions of every category apply)
   * @param addresses the members' addresses on the channel, as sent
   */
  public Loaded load(String owner, Channel channel, String category, Collection<String> recipientIds,
      Collection<String> addresses) {
    Map<String, List<PreferenceRule>> rules = new HashMap<>();
    Map<String, List<Suppression>> suppressions = new HashMap<>();
    Map<String, QuietHoursSetting> quiet = new HashMap<>();
    String[] ids = recipientIds.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
    String[] keys = addresses.stream().map(a -> Addresses.key(channel, a)).filter(Objects::nonNull).distinct()
        .toArray(String[]::new);
    jdbc.sql(LOAD).param("owner", owner).param("ids", ids).param("addresses", keys)
        .param("category", category == null ? Scope.ANY : category).param("channel", channel.name())
        .query(rs -> {
          String member = rs.getString("member");
          switch (rs.getString("kind")) {
            case "rule" -> rules.computeIfAbsent(member, m -> new ArrayList<>()).add(PreferenceStore.rule(rs));
            case "address" -> {
              String suppressedFor = rs.getString("category");
              suppressions.computeIfAbsent(member, m -> new ArrayList<>()).add(new Suppression(channel, member,
                  rs.getString("owner"), Scope.ANY.equals(suppressedFor) ? null : suppressedFor,
                  rs.getString("source"), rs.getTimestamp("updated_at").toInstant()));
            }
            default -> quiet.put(member, new QuietHoursSetting(rs.getObject("starts", LocalTime.class),
                rs.getObject("ends", LocalTime.class), rs.getString("zone")));
          }
        });
    return new Loaded(channel, rules, suppressions, quiet);
  }
}
