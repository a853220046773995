package dev.herald.activities.preference;

import dev.herald.workflows.messages.Channel;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The address suppression list ({@code address_suppression}): addresses not to reach on a channel,
 * for one sender or every sender ({@link Suppression#EVERY_SENDER}). Every write is idempotent.
 */
@Component
public class Suppressions {

  private final JdbcClient jdbc;

  public Suppressions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds one; an address suppressed already for that owner and category keeps its first source. @return whether it is new */
  public boolean add(Channel channel, String address, String owner, String category, String source) {
    return jdbc.sql("""
            insert into address_suppression (channel, address, owner, category, source, created_at)
            values (:channel, :address, :owner, :category, :source, now())
            on conflict do nothing""")
        .param("channel", channel.name()).param("address", Addresses.key(channel, address)).param("owner", owner)
        .param("category", category == null ? Scope.ANY : category).param("source", source).update() > 0;
  }

  /** Removes every suppression of the address on the channel for that owner; the number removed. */
  public int remove(Channel channel, String address, String owner) {
    return jdbc.sql("delete from address_suppression where channel = :channel and address = :address and owner = :owner")
        .param("channel", channel.name()).param("address", Addresses.key(channel, address)).param("owner", owner)
        .update();
  }

  /** A provider-level block every sender shares (SMS STOP, Twilio 21610). */
  public void addForEverySender(Channel channel, String address, String source) {
    add(channel, address, Suppression.EVERY_SENDER, null, source);
  }

  /** Lifts a provider-level block (SMS START). */
  public void removeForEverySender(Channel channel, String address) {
    remove(channel, address, Suppression.EVERY_SENDER);
  }

  /**
   * Suppressions an owner sees: its own and those of every sender; of one channel and address when
   * given, newest first, at most {@code limit}.
   */
  public List<Suppression> list(String owner, Optional<Channel> channel, Optional<String> address, int limit) {
    return jdbc.sql("""
            select channel, address, owner, category, source, created_at from address_suppression
            where (cast(:owner as text) is null or owner in (:owner, '*'))
              and (cast(:channel as text) is null or channel = :channel)
              and (cast(:address as text) is null or address = :address)
            order by created_at desc, channel, address limit :limit""")
        .param("owner", owner).param("channel", channel.map(Channel::name).orElse(null))
        .param("address", address.map(a -> Addresses.key(channel.orElse(Channel.EMAIL), a)).orElse(null))
        .param("limit", limit)
        .query((rs, n) -> new Suppression(Channel.valueOf(rs.getString("channel")), rs.getString("address"),
            rs.getString("owner"), Scope.ANY.equals(rs.getString("category")) ? null : rs.getString("category"),
            rs.getString("source"), rs.getTimestamp("created_at").toInstant()))
        .list();
  }
}
