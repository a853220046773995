package dev.herald.activities.preference;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The categories admins described or marked critical ({@code notification_category}). */
@Component
public class Categories {

  private final JdbcClient jdbc;

  public Categories(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Category> list() {
    return jdbc.sql("select name, critical, description, updated_by, updated_at from notification_category order by name")
        .query(Category.class).list();
  }

  public Optional<Category> find(String name) {
    return jdbc.sql("select name, critical, description, updated_by, updated_at from notification_category where name = :name")
        .param("name", name).query(Category.class).optional();
  }

  /** Whether sends of this category pass opt-outs that do not name it; false for none or an unknown one. */
  public boolean isCritical(String name) {
    return name != null && jdbc.sql("select coalesce((select critical from notification_category where name = :name), false)")
        .param("name", name).query(Boolean.class).single();
  }

  public Category put(String name, boolean critical, String description, String by) {
    return jdbc.sql("""
            insert into notification_category (name, critical, description, updated_by, updated_at)
            values (:name, :critical, :description, :by, now())
            on conflict (name) do update set critical = excluded.critical, description = excluded.description,
                                             updated_by = excluded.updated_by, updated_at = excluded.updated_at
            returning name, critical, description, updated_by, updated_at""")
        .param("name", name).param("critical", critical).param("description", description).param("by", by)
        .query(Category.class).single();
  }

  /** @return whether there was one */
  public boolean delete(String name) {
    return jdbc.sql("delete from notification_category where name = :name").param("name", name).update() > 0;
  }
}
