package dev.herald.activities.preference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts sends against a {@link FrequencyCap} ({@code frequency_use}). A send reserves its place right
 * before it goes out, under a transaction-scoped advisory lock per recipient, category and channel, so
 * two notifications racing for the last place cannot both take it; a send that then fails gives it back.
 */
@Component
public class FrequencyCounter {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public FrequencyCounter(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /**
   * Takes a place for the delivery: true when under the cap (or the delivery holds one already, e.g. on
   * a retry), false when the cap is reached.
   */
  public boolean reserve(FrequencyCap cap, String owner, String recipientKey, String deliveryId) {
    return Boolean.TRUE.equals(transactions.execute(status -> {
      jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
          .param("key", owner + "\n" + recipientKey + "\n" + cap.category() + "\n" + cap.channel())
          .query((rs, n) -> 1).list();
      return jdbc.sql("""
              insert into frequency_use (delivery_id, owner, recipient_key, category, channel, used_at)
              select :deliveryId, :owner, :recipientKey, :category, :channel, now()
              where (select count(*) from frequency_use
                     where owner = :owner and recipient_key = :recipientKey and category = :category
                       and channel = :channel and delivery_id <> :deliveryId
                       and used_at > now() - make_interval(secs => :seconds)) < :max
              on conflict (delivery_id) do update set used_at = frequency_use.used_at
              returning delivery_id""")
          .param("deliveryId", deliveryId).param("owner", owner).param("recipientKey", recipientKey)
          .param("category", cap.category()).param("channel", cap.channel().name())
          .param("seconds", (double) cap.window().toSeconds()).param("max", cap.max())
          .query(String.class).optional().isPresent();
    }));
  }

  /** Gives a failed send's place back; nothing when it held none. */
  public void release(String deliveryId) {
    jdbc.sql("delete from frequency_use where delivery_id = :deliveryId").param("deliveryId", deliveryId).update();
  }
}
