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

  /** Creates (or overwrites) {@code owner}'s recipients and its group {@code key} holding exactly them. */
  public static void group(JdbcClient jdbc, String owner, String key, List<Member> members) {
    long groupId = createGroup(jdbc, owner, key);
    for (Member member : members) {
      jdbc.sql("""
              insert into recipient (owner, external_id, name, locale, email, phone, attributes, created_at, updated_at)
              values (:owner, :id, :name, :locale, :email, :phone, cast(:attributes as jsonb), now(), now())
              on conflict (owner, external_id) do update set name = excluded.name, locale = excluded.locale,
                  email = excluded.email, phone = excluded.phone, attributes = excluded.attributes""")
          .param("owner", owner).param("id", member.id()).param("name", member.name()).param("locale", member.locale())
          .param("email", member.email()).param("phone", member.phone())
          .param("attributes", "{\"tier\": \"gold\", \"id\": \"" + member.id() + "\"}")
          .update();
      jdbc.sql("insert into group_member (group_id, owner, recipient_id) values (:groupId, :owner, :id)")
          .param("groupId", groupId).param("owner", owner).param("id", member.id()).update();
    }
  }

  /**
   * {@code owner}'s group of {@code size} recipients {@code <prefix>000000..} with an email each, in one
   * statement per table.
   */
  public static void largeGroup(JdbcClient jdbc, String owner, String key, String prefix, int size) {
    long groupId = createGroup(jdbc, owner, key);
    jdbc.sql("""
            insert into recipient (owner, external_id, email, created_at, updated_at)
            select :owner, :prefix || lpad(i::text, 6, '0'), :prefix || i || '@example.com', now(), now()
            from generate_series(0, :size - 1) i""")
        .params(Map.of("owner", owner, "prefix", prefix, "size", size)).update();
    jdbc.sql("""
            insert into group_member (group_id, owner, recipient_id)
            select :groupId, :owner, :prefix || lpad(i::text, 6, '0') from generate_series(0, :size - 1) i""")
        .params(Map.of("groupId", groupId, "owner", owner, "prefix", prefix, "size", size)).update();
  }

  private static long createGroup(JdbcClient jdbc, String owner, String key) {
    return jdbc.sql("""
            insert into recipient_group (owner, key, name, created_at, updated_at)
            values (:owner, :key, :key, now(), now())
            returning id""")
        .param("owner", owner).param("key", key).query(Long.class).single();
  }
}
