package dev.herald.activities;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real PostgreSQL (zonky) for the module's store tests; Boot's DataSource and Flyway connect to
 * it. Its data directory goes under {@code java.io.tmpdir} (target/tmp) explicitly: zonky's default,
 * {@code Files.createTempDirectory}, uses the tmpdir the JVM started with (/tmp).
 */
@Configuration(proxyBeanMethods = false)
public class TestPostgres {

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres() throws IOException {
    Path dataDirectory = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "epg-data");
    return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(true).start();
  }

  @Bean
  JdbcConnectionDetails embeddedPostgresConnection(EmbeddedPostgres postgres) {
    return new PostgresConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
  }
}
