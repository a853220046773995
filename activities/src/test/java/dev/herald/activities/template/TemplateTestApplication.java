package dev.herald.activities.template;

import dev.herald.activities.PersistenceConfig;
import dev.herald.activities.PostgresConnection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The template tests' context for {@code @DataJdbcTest}: a real PostgreSQL (zonky) migrated by Flyway,
 * behind the template store. Shared by the template store tests (Spring caches the context).
 */
@SpringBootConfiguration
@Import({PersistenceConfig.class, Templates.class, TemplateVersionRepository.class, TemplateRenderer.class})
class TemplateTestApplication {

  /** Under {@code java.io.tmpdir} (target/tmp), not zonky's default /tmp. */
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
