package dev.herald.api.events;

import dev.herald.activities.events.DeliveryEvent;
import dev.herald.activities.events.EventOutbox;
import dev.herald.activities.precedence.Precedence;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One thread relaying the delivery events outbox to the publisher, oldest first, as long as the
 * process runs. Every process of the API runs one; the outbox's lock lets one relay at a time, and
 * another takes over when that one stops. Working off a backlog, it gives way to single sends
 * between reads ({@link Precedence#beforeRelay}).
 */
final class EventRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventRelay.class);

  /** How long a stop waits for events in flight to be acknowledged. */
  static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final EventOutbox outbox;
  private final ToIntFunction<List<DeliveryEvent>> publish;
  private final Runnable closePublisher;
  private final EventsProperties properties;
  private final Precedence precedence;
  private volatile CountDownLatch stopped;
  private Thread thread;

  EventRelay(EventOutbox outbox, ToIntFunction<List<DeliveryEvent>> publish, Runnable closePublisher,
      EventsProperties properties, Precedence precedence) {
    this.precedence = precedence;
    this.outbox = outbox;
    this.publish = publish;
    this.closePublisher = closePublisher;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    stopped = new CountDownLatch(1);
    thread = new Thread(this::run, "herald-event-relay");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    stopped.countDown();
    closePublisher.run();
    try {
      thread.join(STOP_WAIT.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return thread != null;
  }

  private void run() {
    while (stopped.getCount() > 0) {
      Duration pause;
      try {
        int relayed = outbox.relay(properties.batchSize(), publish);
        pause = relayed == properties.batchSize() ? precedence.relayPause() : properties.pollInterval();
      } catch (RuntimeException failed) {
        if (stopped.getCount() == 0) {
          return;
        }
        log.warn("relaying delivery events failed; again in {}", properties.retryInterval(), failed);
        pause = properties.retryInterval();
      }
      if (!pause.isZero() && waitForStop(pause)) {
        return;
      }
    }
  }

  /** True when stopped meanwhile. */
  private boolean waitForStop(Duration pause) {
    try {
      return stopped.await(pause.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return true;
    }
  }
}
