package dev.herald.devkit.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
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
 * so the delivery log and the workflows it describes never disagree after a restart. A kept folder
 * is this JVM's while it runs ({@link PostgresDataDir}): a PostgreSQL that a killed Herald left
 * running on it is stopped first.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedPostgresConfig {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

  @Bean(destroyMethod = "close")
  RunningPostgres embeddedPostgres(ObjectProvider<TemporalDevServer> devServer, ObjectProvider<DataDirProperties> dataDir)
      throws IOException {
    if (devServer.getIfAvailable() == null) {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
      log.info("PostgreSQL: embedded on port {} (data is deleted on stop; set JDBC_URL for your own)", postgres.getPort());
      return new RunningPostgres(postgres, null);
    }
    PostgresDataDir data = PostgresDataDir.claim(dataDir.getObject().dataDir().resolve("postgres").toAbsolutePath());
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data.folder()).setCleanDataDirectory(false)
          .start();
      log.info("PostgreSQL: embedded on port {}, data kept in {} like the Temporal history", postgres.getPort(),
          data.folder());
      return new RunningPostgres(postgres, data);
    } catch (IOException | RuntimeException e) {
      data.close();
      throw e;
    }
  }

  @Bean
  JdbcConnectionDetails embeddedPostgresConnection(RunningPostgres running) {
    return new PostgresConnection(running.postgres().getJdbcUrl("postgres", "postgres"), "postgres", "");
  }

  /** The embedded PostgreSQL and, when its data is kept, this JVM's claim on the folder: released after it stops. */
  record RunningPostgres(EmbeddedPostgres postgres, PostgresDataDir claim) implements Closeable {

    @Override
    public void close() throws IOException {
      try {
        postgres.close();
      } finally {
        if (claim != null) {
          claim.close();
        }
      }
    }
  }
}
