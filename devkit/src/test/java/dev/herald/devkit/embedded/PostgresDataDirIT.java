package dev.herald.devkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The all-in-one app's kept PostgreSQL folder after the app was killed, and with two apps on it. */
class PostgresDataDirIT {

  @TempDir Path dataDir;

  @Test
  void aPostgresLeftRunningByAKilledAppIsStoppedAndTheNextStartFindsTheData() throws Exception {
    Path folder = dataDir.resolve("postgres");
    Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), KilledApp.class.getName(), folder.toString())
        .redirectErrorStream(true).redirectOutput(dataDir.resolve("app.log").toFile()).start();
    long leftPid = -1;
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(dataDir.resolve("ready")) || !app.isAlive());
      assertThat(app.isAlive()).as("the app's PostgreSQL started; see app.log").isTrue();
      leftPid = Long.parseLong(Files.readAllLines(folder.resolve("postmaster.pid")).get(0).trim());
      app.destroyForcibly().waitFor(); // kill -9: no shutdown hook stops its PostgreSQL
      assertThat(ProcessHandle.of(leftPid).filter(ProcessHandle::isAlive)).as("left running").isPresent();

      try (PostgresDataDir claim = PostgresDataDir.claim(folder);
          EmbeddedPostgres next = EmbeddedPostgres.builder().setDataDirectory(folder).setCleanDataDirectory(false)
              .start()) {
        assertThat(ProcessHandle.of(leftPid).filter(ProcessHandle::isAlive)).as("stopped by the claim").isEmpty();
        assertThat(query(next, "select note from kept")).isEqualTo("accepted before the kill");
      }
    } finally {
      app.destroyForcibly();
      if (leftPid > 0) {
        ProcessHandle.of(leftPid).ifPresent(ProcessHandle::destroyForcibly); // when the claim did not stop it
      }
    }
  }

  /** The app to kill: its PostgreSQL on the folder, a row written, then "ready" next to the folder. */
  static final class KilledApp {
    public static void main(String[] args) throws Exception {
      Path folder = Path.of(args[0]);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(folder).setCleanDataDirectory(false).start();
      execute(postgres, "create table kept (note text); insert into kept values ('accepted before the kill')");
      Files.createFile(folder.resolveSibling("ready"));
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  @Test
  void aFolderAnotherAppHoldsIsRefusedWithTheWayOut() throws Exception {
    Path folder = dataDir.resolve("postgres");
    try (PostgresDataDir first = PostgresDataDir.claim(folder)) {
      assertThatThrownBy(() -> PostgresDataDir.claim(folder))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Another Herald is using " + folder)
          .hasMessageContaining("HERALD_DATA_DIR");
    }
    PostgresDataDir.claim(folder).close(); // free again once the first let go
  }

  private static void execute(EmbeddedPostgres postgres, String sql) throws Exception {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String query(EmbeddedPostgres postgres, String sql) throws Exception {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
