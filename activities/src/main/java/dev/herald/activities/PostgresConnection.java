package dev.herald.activities;

import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;

/** Connection details of a PostgreSQL started by Herald itself (embedded default, tests). */
public record PostgresConnection(String jdbcUrl, String username, String password) implements JdbcConnectionDetails {

  @Override
  public String getJdbcUrl() {
    return jdbcUrl;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public String getPassword() {
    return password;
  }
}
