package dev.herald.activities.delivery;

import dev.herald.activities.PersistenceConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringBootConfiguration;
import dev.herald.activities.PostgresConnection;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The delivery log's test context for {@code @DataJdbcTest}: a real PostgreSQL (zonky), migrated by
 * Flyway, behind the module's own repositories and activity. The database lives as long as the
 * context, which Spring caches, so every test class here shares one server.
 */
@SpringBootConfiguration
@Import({PersistenceConfig.class, DeliveryLogActivitiesImpl.class, DeliveryReservations.class})
class DeliveryLogTestApplication {

  /**
   * The data directory goes under {@code java.io.tmpdir} (target/tmp) explicitly: zonky's default,
   * {@code Files.createTempDirectory}, uses the tmpdir the JVM started with (/tmp), not Surefire's.
   */
  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres() throws IOException {
    Path dataDirectory = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "epg-data");
    return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(true).start();
  }

  /** Boot's DataSource (Hikari) and Flyway connect through this. */
  @Bean
  JdbcConnectionDetails embeddedPostgresConnection(EmbeddedPostgres postgres) {
    return new PostgresConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
  }
}
