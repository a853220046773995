package dev.herald.activities.sms;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SMS opt-outs in PostgreSQL (table {@code sms_opt_out}), keyed by E.164 number. */
@Repository
class JdbcSmsOptOuts implements SmsOptOuts {

  private final JdbcClient jdbc;

  JdbcSmsOptOuts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean isOptedOut(String phone) {
    return jdbc.sql("select exists (select 1 from sms_opt_out where phone = :phone)")
        .param("phone", phone).query(Boolean.class).single();
  }

  @Override
  public void optOut(String phone, String source) {
    jdbc.sql("""
        insert into sms_opt_out (phone, source, opted_out_at) values (:phone, :source, now())
        on conflict (phone) do nothing""")
        .param("phone", phone).param("source", source).update();
  }

  @Override
  public void optIn(String phone) {
    jdbc.sql("delete from sms_opt_out where phone = :phone").param("phone", phone).update();
  }
}
