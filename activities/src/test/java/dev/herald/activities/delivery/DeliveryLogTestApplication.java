package dev.herald.activities.delivery;

import dev.herald.activities.PersistenceConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.springframework.boot.SpringBootConfiguration;
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

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres() throws IOException {
    return EmbeddedPostgres.builder().start();
  }

  /** Boot's DataSource (Hikari) and Flyway connect through this. */
  @Bean
  JdbcConnectionDetails embeddedPostgresConnection(EmbeddedPostgres postgres) {
    return new JdbcConnectionDetails() {
      @Override
      public String getJdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
      }

      @Override
      public String getUsername() {
        return "postgres";
      }

      @Override
      public String getPassword() {
        return "";
      }
    };
  }
}
