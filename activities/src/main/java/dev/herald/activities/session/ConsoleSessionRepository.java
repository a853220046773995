package dev.herald.activities.session;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The console_session table; read from outside this package through {@link ConsoleSessions}. */
@Repository
class ConsoleSessionRepository {

  /** A live session: its key and when it was last seen. */
  record Row(long keyId, Instant lastSeen) {}

  private final JdbcClient jdbc;

  ConsoleSessionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(byte[] tokenHash, long keyId, Instant at, Instant expires) {
    jdbc.sql("""
            insert into console_session (token_hash, key_id, created_at, last_seen_at, expires_at)
            values (:hash, :key, :at, :at, :expires)""")
        .param("hash", tokenHash).param("key", keyId).param("at", Timestamp.from(at))
        .param("expires", Timestamp.from(expires)).update();
  }

  /** The session, unless it expired or was idle since {@code idleSince}. */
  Optional<Row> findLive(byte[] tokenHash, Instant now, Instant idleSince) {
    return jdbc.sql("""
            select key_id, last_seen_at from console_session
            where token_hash = :hash and expires_at > :now and last_seen_at > :idle""")
        .param("hash", tokenHash).param("now", Timestamp.from(now)).param("idle", Timestamp.from(idleSince))
        .query((rs, n) -> new Row(rs.getLong(1), rs.getTimestamp(2).toInstant())).optional();
  }

  void touch(byte[] tokenHash, Instant at) {
    jdbc.sql("update console_session set last_seen_at = :at where token_hash = :hash")
        .param("hash", tokenHash).param("at", Timestamp.from(at)).update();
  }

  void delete(byte[] tokenHash) {
    jdbc.sql("delete from console_session where token_hash = :hash").param("hash", tokenHash).update();
  }

  void deleteOfKey(long keyId) {
    jdbc.sql("delete from console_session where key_id = :key").param("key", keyId).update();
  }

  int deleteExpired(Instant now, Instant idleSince) {
    return jdbc.sql("delete from console_session where expires_at <= :now or last_seen_at <= :idle")
        .param("now", Timestamp.from(now)).param("idle", Timestamp.from(idleSince)).update();
  }
}
