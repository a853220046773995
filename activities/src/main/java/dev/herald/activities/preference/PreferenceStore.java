package dev.herald.activities.preference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Recipients' preference rules in PostgreSQL ({@code recipient_preference}), per owner and recipient id. */
@Component
public class PreferenceStore {

  private final JdbcClient jdbc;

  public PreferenceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The recipient's rules, everything first, then by category and channel. */
  public List<PreferenceRule> rules(String owner, String recipientId) {
    return jdbc.sql("""
            select category, channel, opted_out, source, updated_at from recipient_preference
            where owner = :owner and recipient_id = :recipientId order by category, channel""")
        .param("owner", owner).param("recipientId", recipientId)
        .query((rs, n) -> rule(rs)).list();
  }

  /**
   * Replaces the recipient's rules with {@code rules} (one per scope; the last wins). A rule that did
   * not change keeps its source and time.
   */
  @Transactional
  public List<PreferenceRule> replace(String owner, String recipientId, List<PreferenceRule> rules, String source) {
    List<PreferenceRule> before = rules(owner, recipientId);
    for (PreferenceRule old : before) {
      if (rules.stream().noneMatch(rule -> rule.scope().equals(old.scope()))) {
        delete(owner, recipientId, old.scope());
      }
    }
    rules.forEach(rule -> set(owner, recipientId, rule.scope(), rule.optedOut(), source));
    return rules(owner, recipientId);
  }

  /** Sets one scope; a rule already saying the same keeps its source and time. */
  public void set(String owner, String recipientId, Scope scope, boolean optedOut, String source) {
    jdbc.sql("""
            insert into recipient_preference (owner, recipient_id, category, channel, opted_out, source, updated_at)
            values (:owner, :recipientId, :category, :channel, :optedOut, :source, now())
            on conflict (owner, recipient_id, category, channel) do update
            set opted_out = excluded.opted_out, source = excluded.source, updated_at = excluded.updated_at
            where recipient_preference.opted_out <> excluded.opted_out""")
        .param("owner", owner).param("recipientId", recipientId).param("category", scope.storedCategory())
        .param("channel", scope.storedChannel()).param("optedOut", optedOut).param("source", source).update();
  }

  /** Removes the rule of one scope (the recipient is then as if it had never chosen there); whether there was one. */
  public boolean delete(String owner, String recipientId, Scope scope) {
    return jdbc.sql("""
            delete from recipient_preference
            where owner = :owner and recipient_id = :recipientId and category = :category and channel = :channel""")
        .param("owner", owner).param("recipientId", recipientId).param("category", scope.storedCategory())
        .param("channel", scope.storedChannel()).update() > 0;
  }

  /** The recipient's quiet hours; empty when none are set. */
  public Optional<QuietHoursSetting> quietHours(String owner, String recipientId) {
    return jdbc.sql("""
            select starts, ends, time_zone from recipient_quiet_hours
            where owner = :owner and recipient_id = :recipientId""")
        .param("owner", owner).param("recipientId", recipientId)
        .query((rs, n) -> new QuietHoursSetting(rs.getObject("starts", LocalTime.class),
            rs.getObject("ends", LocalTime.class), rs.getString("time_zone")))
        .optional();
  }

  /** Sets (or with null, removes) the recipient's quiet hours. */
  public void setQuietHours(String owner, String recipientId, QuietHoursSetting quiet) {
    if (quiet == null) {
      jdbc.sql("delete from recipient_quiet_hours where owner = :owner and recipient_id = :recipientId")
          .param("owner", owner).param("recipientId", recipientId).update();
      return;
    }
    jdbc.sql("""
            insert into recipient_quiet_hours (owner, recipient_id, starts, ends, time_zone, updated_at)
            values (:owner, :recipientId, :starts, :ends, :zone, now())
            on conflict (owner, recipient_id) do update
            set starts = excluded.starts, ends = excluded.ends, time_zone = excluded.time_zone, updated_at = now()""")
        .param("owner", owner).param("recipientId", recipientId).param("starts", quiet.start())
        .param("ends", quiet.end()).param("zone", quiet.timeZone()).update();
  }

  static PreferenceRule rule(ResultSet rs) throws SQLException {
    return new PreferenceRule(Scope.stored(rs.getString("category"), rs.getString("channel")),
        rs.getBoolean("opted_out"), rs.getString("source"), rs.getTimestamp("updated_at").toInstant());
  }
}
