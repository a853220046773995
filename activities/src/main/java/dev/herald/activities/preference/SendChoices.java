package dev.herald.activities.preference;

import dev.herald.workflows.messages.Channel;
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
 * that could cover the send's category and channel, and their addresses' suppressions.
 */
@Component
public class SendChoices {

  /** The members' choices, by recipient id and by address key ({@link Addresses#key}). */
  public record Loaded(Channel channel, Map<String, List<PreferenceRule>> rules,
      Map<String, List<Suppression>> suppressions) {

    public MemberChoices of(String recipientId, String address) {
      List<PreferenceRule> own = recipientId == null ? List.of() : rules.getOrDefault(recipientId, List.of());
      List<Suppression> blocked = address == null ? List.of()
          : suppressions.getOrDefault(Addresses.key(channel, address), List.of());
      return own.isEmpty() && blocked.isEmpty() ? MemberChoices.NONE : new MemberChoices(own, blocked);
    }
  }

  private static final String LOAD = """
      select 'rule' as kind, recipient_id as member, category, channel, opted_out, source, updated_at, owner
      from recipient_preference
      where owner = :owner and recipient_id = any(cast(:ids as text[])) and category in (:category, '*')
        and channel in (:channel, '*')
      union all
      select 'address', address, category, channel, true, source, created_at, owner
      from address_suppression
      where channel = :channel and address = any(cast(:addresses as text[])) and owner in (:owner, '*')
        and category in (:category, '*')""";

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
    String[] ids = recipientIds.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
    String[] keys = addresses.stream().map(a -> Addresses.key(channel, a)).filter(Objects::nonNull).distinct()
        .toArray(String[]::new);
    jdbc.sql(LOAD).param("owner", owner).param("ids", ids).param("addresses", keys)
        .param("category", category == null ? Scope.ANY : category).param("channel", channel.name())
        .query(rs -> {
          String member = rs.getString("member");
          if (rs.getString("kind").equals("rule")) {
            rules.computeIfAbsent(member, m -> new ArrayList<>()).add(PreferenceStore.rule(rs));
          } else {
            String suppressedFor = rs.getString("category");
            suppressions.computeIfAbsent(member, m -> new ArrayList<>()).add(new Suppression(channel, member,
                rs.getString("owner"), Scope.ANY.equals(suppressedFor) ? null : suppressedFor, rs.getString("source"),
                rs.getTimestamp("updated_at").toInstant()));
          }
        });
    return new Loaded(channel, rules, suppressions);
  }
}
