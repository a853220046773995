package dev.herald.api.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import dev.herald.activities.PostgresConnection;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No JDBC URL: a real PostgreSQL started in-process (zonky), on a free port. Its data lives as long
 * as Temporal's history: deleted on stop next to the in-process test server (which keeps nothing),
 * kept under {@code herald.data-dir} next to the dev server (whose SQLite file survives restarts),
 * so the delivery log and the workflows it describes never disagree after a restart.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedPostgresConfig {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(ObjectProvider<TemporalDevServer> devServer, ObjectProvider<DataDirProperties> dataDir)
      throws IOException {
    if (devServer.getIfAvailable() == null) {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
      log.info("PostgreSQL: embedded on port {} (data is deleted on stop; set JDBC_URL for your own)", postgres.getPort());
      return postgres;
    }
    Path data = dataDir.getObject().dataDir().resolve("postgres").toAbsolutePath();
    Files.createDirectories(data.getParent());
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
    log.info("PostgreSQL: embedded on port {}, data kept in {} like the Temporal history", postgres.getPort(), data);
    return postgres;
  }

  @Bean
  JdbcConnectionDetails embeddedPostgresConnection(EmbeddedPostgres postgres) {
    return new PostgresConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
  }
}
