package dev.herald.api.console.notification;

import dev.herald.api.notification.NotificationReader;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The detail pages' live progress: each open stream reads its notification's status and counts from
 * the delivery log (as the API's GET does) every {@link #POLL}, sends a {@code progress} event when
 * they changed and ends after the event of a final status. A heartbeat comment finds clients that
 * left; a stream ends after {@link #LIFETIME} and the browser's EventSource opens a new one.
 */
@Component
class ProgressStreams implements SmartLifecycle {

  static final String EVENT = "progress";
  static final Duration POLL = Duration.ofSeconds(1);
  static final Duration HEARTBEAT = Duration.ofSeconds(15);
  static final Duration LIFETIME = Duration.ofMinutes(30);

  private static final Logger log = LoggerFactory.getLogger(ProgressStreams.class);

  private final NotificationReader reader;
  private final Set<Stream> open = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "herald-console-progress");
    thread.setDaemon(true);
    return thread;
  });
  private volatile boolean running;

  ProgressStreams(NotificationReader reader) {
    this.reader = reader;
  }

  /** A stream of the progress of notification {@code id}, which the caller may see. */
  SseEmitter open(String id) {
    SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
    Stream stream = new Stream(id, emitter);
    open.add(stream);
    emitter.onCompletion(() -> open.remove(stream));
    emitter.onTimeout(() -> {
      open.remove(stream);
      emitter.complete();
    });
    emitter.onError(e -> open.remove(stream));
    poller.execute(() -> poll(stream));
    return emitter;
  }

  private void pollAll() {
    open.forEach(this::poll);
  }

  private void poll(Stream stream) {
    try {
      Optional<ProgressEvent> now = reader.summary(stream.id).map(ProgressEvent::of);
      if (now.isPresent() && !now.get().equals(stream.last)) {
        stream.last = now.get();
        stream.quietPolls = 0;
        stream.emitter.send(SseEmitter.event().name(EVENT).data(now.get(), MediaType.APPLICATION_JSON));
        if (now.get().finished()) {
          open.remove(stream);
          stream.emitter.complete();
        }
      } else if (++stream.quietPolls * POLL.toMillis() >= HEARTBEAT.toMillis()) {
        stream.quietPolls = 0;
        stream.emitter.send(SseEmitter.event().comment("heartbeat"));
      }
    } catch (IOException | IllegalStateException gone) {
      // the browser left (the container ends the request) or the stream has already ended
      open.remove(stream);
    } catch (RuntimeException e) {
      // e.g. the database is unreachable: end the stream; the browser's EventSource tries again
      log.warn("progress stream of {} ended: {}", stream.id, e.toString());
      open.remove(stream);
      stream.emitter.complete();
    }
  }

  @Override
  public void start() {
    poller.scheduleWithFixedDelay(this::pollAll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    poller.shutdownNow();
    open.forEach(stream -> stream.emitter.complete());
    open.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** One open stream: polled on the one poller thread only, so its fields need no lock. */
  private static final class Stream {
    final String id;
    final SseEmitter emitter;
    ProgressEvent last;
    int quietPolls;

    Stream(String id, SseEmitter emitter) {
      this.id = id;
      this.emitter = emitter;
    }
  }
}
