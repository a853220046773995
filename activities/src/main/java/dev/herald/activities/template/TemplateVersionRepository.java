package dev.herald.activities.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Template versions, their content as jsonb. Insert-only: a database trigger refuses changes to content. */
@Repository
class TemplateVersionRepository {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  TemplateVersionRepository(NamedParameterJdbcOperations jdbc) {
    this.jdbc = JdbcClient.create(jdbc);
  }

  /** Inserts the next version (call with the template's row locked) and returns it. */
  TemplateVersion insertNext(String key, TemplateContent content) {
    return jdbc.sql("""
            insert into notification_template_version (template_key, version, content, created_at)
            select :key, coalesce(max(version), 0) + 1, cast(:content as jsonb), now()
            from notification_template_version where template_key = :key
            returning template_key, version, content::text as content, created_at, published_at""")
        .param("key", key).param("content", write(content)).query(TemplateVersionRepository::map).single();
  }

  Optional<TemplateVersion> find(String key, int version) {
    return jdbc.sql("""
            select template_key, version, content::text as content, created_at, published_at
            from notification_template_version where template_key = :key and version = :version""")
        .param("key", key).param("version", version).query(TemplateVersionRepository::map).optional();
  }

  List<TemplateVersion> findAll(String key) {
    return jdbc.sql("""
            select template_key, version, content::text as content, created_at, published_at
            from notification_template_version where template_key = :key order by version""")
        .param("key", key).query(TemplateVersionRepository::map).list();
  }

  /** The newest version of each of these templates that has one. */
  List<LatestVersion> latest(Collection<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            select template_key, max(version) as version, max(created_at) as created_at
            from notification_template_version where template_key in (:keys) group by template_key""")
        .param("keys", keys)
        .query((row, n) -> new LatestVersion(row.getString("template_key"), row.getInt("version"),
            instant(row.getTimestamp("created_at"))))
        .list();
  }

  /** Records the first publication; publishing again keeps the first time. */
  void markPublished(String key, int version) {
    jdbc.sql("""
            update notification_template_version set published_at = now()
            where template_key = :key and version = :version and published_at is null""")
        .param("key", key).param("version", version).update();
  }

  private static TemplateVersion map(ResultSet row, int rowNumber) throws SQLException {
    return new TemplateVersion(row.getString("template_key"), row.getInt("version"), read(row.getString("content")),
        instant(row.getTimestamp("created_at")), instant(row.getTimestamp("published_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static String write(TemplateContent content) {
    try {
      return JSON.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("template content is not serializable", e);
    }
  }

  private static TemplateContent read(String json) {
    try {
      return JSON.readValue(json, TemplateContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored template content is unreadable", e);
    }
  }
}
