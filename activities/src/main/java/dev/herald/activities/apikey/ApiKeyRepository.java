package dev.herald.activities.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The api_key table; read from outside this package through {@link ApiKeys}. */
@Repository
class ApiKeyRepository {

  private static final String COLUMNS =
      "id, name, role, sender, prefix, secret_hash, created_at, created_by, last_used_at, revoked_at";

  /** A row: the key and its stored hash. */
  record Row(ApiKey key, byte[] secretHash) {}

  private final JdbcClient jdbc;

  ApiKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Empty when the prefix is taken. */
  Optional<ApiKey> insert(String name, ApiKeyRole role, String sender, String prefix, byte[] hash, Instant at,
      String createdBy) {
    return jdbc.sql("""
            insert into api_key (name, role, sender, prefix, secret_hash, created_at, created_by)
            values (:name, :role, :sender, :prefix, :hash, :at, :by)
            on conflict (prefix) do nothing
            returning\s""" + COLUMNS)
        .param("name", name).param("role", role.name()).param("sender", sender).param("prefix", prefix)
        .param("hash", hash).param("at", Timestamp.from(at)).param("by", createdBy)
        .query(ApiKeyRepository::row).optional().map(Row::key);
  }

  Optional<Row> findByPrefix(String prefix) {
    return jdbc.sql("select " + COLUMNS + " from api_key where prefix = :prefix").param("prefix", prefix)
        .query(ApiKeyRepository::row).optional();
  }

  Optional<ApiKey> findById(long id) {
    return jdbc.sql("select " + COLUMNS + " from api_key where id = :id").param("id", id)
        .query(ApiKeyRepository::row).optional().map(Row::key);
  }

  List<ApiKey> findAll() {
    return jdbc.sql("select " + COLUMNS + " from api_key order by id").query(ApiKeyRepository::row).list()
        .stream().map(Row::key).toList();
  }

  /** Sets the revocation time once; a revoked key keeps its first. */
  void revoke(long id, Instant at) {
    jdbc.sql("update api_key set revoked_at = :at where id = :id and revoked_at is null")
        .param("id", id).param("at", Timestamp.from(at)).update();
  }

  void touch(long id, Instant at) {
    jdbc.sql("update api_key set last_used_at = :at where id = :id and (last_used_at is null or last_used_at < :at)")
        .param("id", id).param("at", Timestamp.from(at)).update();
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    ApiKey key = new ApiKey(rs.getLong("id"), rs.getString("name"), ApiKeyRole.valueOf(rs.getString("role")),
        rs.getString("sender"), rs.getString("prefix"), instant(rs, "created_at"), rs.getString("created_by"),
        instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    return new Row(key, rs.getBytes("secret_hash"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
