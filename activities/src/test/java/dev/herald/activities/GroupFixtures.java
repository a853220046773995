package dev.herald.activities;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Recipients and groups written straight to the store, for the broadcast tests. */
public final class GroupFixtures {

  /** A recipient as the recipient table keeps it; any field but the id may be null. */
  public record Member(String id, String name, String locale, String email, String phone) {

    public static Member email(String id, String email) {
      return new Member(id, null, null, email, null);
    }
  }

  private GroupFixtures() {}

  /** Creates (or overwrites) the recipients and a group {@code key} holding exactly them. */
  public static void group(JdbcClient jdbc, String key, List<Member> members) {
    long groupId = createGroup(jdbc, key);
    for (Member member : members) {
      jdbc.sql("""
              insert into recipient (external_id, name, locale, email, phone, attributes, created_at, updated_at)
              values (:id, :name, :locale, :email, :phone, cast(:attributes as jsonb), now(), now())
              on conflict (external_id) do update set name = excluded.name, locale = excluded.locale,
                  email = excluded.email, phone = excluded.phone, attributes = excluded.attributes""")
          .param("id", member.id()).param("name", member.name()).param("locale", member.locale())
          .param("email", member.email()).param("phone", member.phone())
          .param("attributes", "{\"tier\": \"gold\", \"id\": \"" + member.id() + "\"}")
          .update();
      jdbc.sql("insert into group_member (group_id, recipient_id) values (:groupId, :id)")
          .param("groupId", groupId).param("id", member.id()).update();
    }
  }

  /** A group of {@code size} recipients {@code <prefix>000000..} with an email each, in one statement per table. */
  public static void largeGroup(JdbcClient jdbc, String key, String prefix, int size) {
    long groupId = createGroup(jdbc, key);
    jdbc.sql("""
            insert into recipient (external_id, email, created_at, updated_at)
            select :prefix || lpad(i::text, 6, '0'), :prefix || i || '@example.com', now(), now()
            from generate_series(0, :size - 1) i""")
        .params(Map.of("prefix", prefix, "size", size)).update();
    jdbc.sql("""
            insert into group_member (group_id, recipient_id)
            select :groupId, :prefix || lpad(i::text, 6, '0') from generate_series(0, :size - 1) i""")
        .params(Map.of("groupId", groupId, "prefix", prefix, "size", size)).update();
  }

  private static long createGroup(JdbcClient jdbc, String key) {
    return jdbc.sql("""
            insert into recipient_group (key, name, created_at, updated_at) values (:key, :key, now(), now())
            returning id""")
        .param("key", key).query(Long.class).single();
  }
}
