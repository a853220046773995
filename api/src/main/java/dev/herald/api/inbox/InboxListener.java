package dev.herald.api.inbox;

import dev.herald.activities.inapp.InboxEvents;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Learns of new inbox items from PostgreSQL: {@code LISTEN herald_inbox} on a connection of its own
 * (outside the pool), so items delivered by a worker in another process reach this process's
 * streams. Each announcement carries the recipient id. After (re)connecting, every stream catches
 * up, since announcements made while disconnected are lost.
 */
@Component
class InboxListener implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InboxListener.class);
  private static final int POLL_MILLIS = 500;
  /** A quiet connection is checked this often, so a dead one is noticed and replaced. */
  private static final Duration CHECK_EVERY = Duration.ofSeconds(30);

  private final JdbcConnectionDetails database;
  private final InboxStreams streams;
  private final InboxProperties properties;
  private volatile boolean running;
  private Thread thread;

  InboxListener(JdbcConnectionDetails database, InboxStreams streams, InboxProperties properties) {
    this.database = database;
    this.streams = streams;
    this.properties = properties;
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::listenUntilStopped, "herald-inbox-listener");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void listenUntilStopped() {
    while (running) {
      try (Connection connection = connect()) {
        listen(connection);
      } catch (SQLException | RuntimeException e) {
        if (running) {
          log.warn("inbox listener lost PostgreSQL ({}); reconnecting in {} ms", e.getMessage(),
              properties.listenerRetry().toMillis());
          pause(properties.listenerRetry());
        }
      }
    }
  }

  private void listen(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("LISTEN " + InboxEvents.CHANNEL);
      log.info("inbox listener: LISTEN {}", InboxEvents.CHANNEL);
      streams.catchUpAll();
      PGConnection postgres = connection.unwrap(PGConnection.class);
      long nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
      while (running) {
        PGNotification[] received = postgres.getNotifications(POLL_MILLIS);
        if (received != null) {
          for (PGNotification notification : received) {
            streams.announced(notification.getParameter());
          }
        }
        if (System.nanoTime() > nextCheck) {
          statement.execute("select 1");
          nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
        }
      }
    }
  }

  private Connection connect() throws SQLException {
    Properties info = new Properties();
    if (database.getUsername() != null) {
      info.setProperty("user", database.getUsername());
    }
    if (database.getPassword() != null) {
      info.setProperty("password", database.getPassword());
    }
    info.setProperty("ApplicationName", "herald-inbox-listener");
    return DriverManager.getConnection(database.getJdbcUrl(), info);
  }

  private void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
