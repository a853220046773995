package dev.herald.activities.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.time.Duration;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded pool of open SMTP connections. A new connection per mail costs a TCP and EHLO round
 * trip (and with some servers ~40 ms of Nagle delay); reusing them is what makes SMTP fast.
 */
final class SmtpConnectionPool implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SmtpConnectionPool.class);
  /** An idle connection older than this is checked with NOOP before use; servers drop idle ones. */
  private static final Duration CHECK_AFTER_IDLE = Duration.ofSeconds(30);

  private final Session session;
  private final SmtpServer server;
  private final Semaphore permits;
  private final BlockingDeque<Idle> idle = new LinkedBlockingDeque<>();

  private record Idle(Transport transport, long since) {}

  SmtpConnectionPool(Session session, SmtpServer server, int size) {
    this.session = session;
    this.server = server;
    this.permits = new Semaphore(size, true);
  }

  Transport borrow() throws MessagingException, InterruptedException {
    permits.acquire();
    try {
      Idle candidate;
      while ((candidate = idle.pollFirst()) != null) {
        boolean fresh = System.nanoTime() - candidate.since() < CHECK_AFTER_IDLE.toNanos();
        if (fresh || candidate.transport().isConnected()) {
          return candidate.transport();
        }
        closeQuietly(candidate.transport());
      }
      Transport transport = session.getTransport("smtp");
      transport.connect(server.host(), server.port(), server.username(), server.password());
      return transport;
    } catch (MessagingException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  void release(Transport transport) {
    idle.offerFirst(new Idle(transport, System.nanoTime()));
    permits.release();
  }

  void discard(Transport transport) {
    closeQuietly(transport);
    permits.release();
  }

  @Override
  public void close() {
    Idle candidate;
    while ((candidate = idle.pollFirst()) != null) {
      closeQuietly(candidate.transport());
    }
  }

  private static void closeQuietly(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException e) {
      log.debug("closing SMTP connection failed: {}", e.getMessage());
    }
  }
}
