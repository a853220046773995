package dev.herald.api.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import dev.herald.activities.PostgresConnection;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** No JDBC URL: a real PostgreSQL started in-process (zonky), on a free port, deleted on stop. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedPostgresConfig {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres() throws IOException {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
    log.info("PostgreSQL: embedded on port {} (data is deleted on stop; set JDBC_URL for your own)", postgres.getPort());
    return postgres;
  }

  @Bean
  JdbcConnectionDetails embeddedPostgresConnection(EmbeddedPostgres postgres) {
    return new PostgresConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
  }
}
