package dev.herald.api.inbox;

import dev.herald.activities.inapp.Inbox;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open inbox streams of this process, by recipient id. An announcement of a new item for a
 * recipient id (from {@link InboxListener}) has each stream of that id catch up (whatever its owner:
 * a stream reads only its own owner's items); every
 * stream gets a heartbeat comment; streams still open at shutdown are completed, so the server
 * stops without waiting for them.
 */
@Component
@EnableConfigurationProperties(InboxProperties.class)
class InboxStreams implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InboxStreams.class);

  private final Inbox inbox;
  private final InboxProperties properties;
  private final Map<String, Set<InboxSubscription>> byRecipient = new ConcurrentHashMap<>();
  /** Sends: a slow client blocks only its own send. */
  private final ExecutorService senders = Executors.newCachedThreadPool(daemon("herald-inbox-send-"));
  private final ScheduledExecutorService heartbeats =
      Executors.newSingleThreadScheduledExecutor(daemon("herald-inbox-heartbeat-"));
  private volatile boolean running;

  InboxStreams(Inbox inbox, InboxProperties properties) {
    this.inbox = inbox;
    this.properties = properties;
  }

  /**
   * Opens a stream of the items that arrive from now on or, when {@code lastEventId} is given, of
   * those after it (at most {@link InboxProperties#maxReplay()} of the newest).
   */
  SseEmitter open(String owner, String recipientId, Long lastEventId) {
    long cursor = inbox.streamStart(owner, recipientId, lastEventId, properties.maxReplay());
    SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
    InboxSubscription subscription = new InboxSubscription(owner, recipientId, emitter, cursor);
    byRecipient.compute(recipientId, (r, subscriptions) -> {
      Set<InboxSubscription> open = subscriptions == null ? ConcurrentHashMap.newKeySet() : subscriptions;
      open.add(subscription); // inside compute: never into a set that remove() just dropped
      return open;
    });
    emitter.onCompletion(() -> remove(subscription));
    emitter.onTimeout(() -> {
      remove(subscription);
      emitter.complete(); // a normal end: the EventSource reconnects with Last-Event-ID
    });
    emitter.onError(e -> remove(subscription));
    send(subscription, () -> subscription.comment("connected"));
    // the replay, and whatever was committed between reading the cursor and registering
    catchUp(subscription);
    return emitter;
  }

  /** A new item is in the recipient's inbox: each of the recipient's streams sends what it has not yet. */
  void announced(String recipientId) {
    Set<InboxSubscription> subscriptions = byRecipient.get(recipientId);
    if (subscriptions != null) {
      subscriptions.forEach(this::catchUp);
    }
  }

  /** Announcements may have been missed (the listener reconnected): every stream catches up. */
  void catchUpAll() {
    byRecipient.values().forEach(subscriptions -> subscriptions.forEach(this::catchUp));
  }

  private void catchUp(InboxSubscription subscription) {
    if (subscription.requestCatchUp()) {
      send(subscription, () -> subscription.catchUp(inbox));
    }
  }

  private void send(InboxSubscription subscription, Send send) {
    senders.execute(() -> {
      try {
        send.run();
      } catch (IOException | IllegalStateException gone) {
        // the client went away (the container ends the request) or the stream has already ended
        log.debug("inbox stream of {} gone: {}", subscription.recipientId(), gone.toString());
        remove(subscription);
      } catch (RuntimeException e) {
        // e.g. the database is unreachable: end the stream; the client reconnects and resumes
        log.warn("inbox stream of {} ended: {}", subscription.recipientId(), e.toString());
        remove(subscription);
        subscription.emitter().complete();
      }
    });
  }

  private void remove(InboxSubscription subscription) {
    byRecipient.computeIfPresent(subscription.recipientId(), (r, subscriptions) -> {
      subscriptions.remove(subscription);
      return subscriptions.isEmpty() ? null : subscriptions;
    });
  }

  private void heartbeat() {
    try {
      byRecipient.values().forEach(subscriptions -> subscriptions.forEach(s -> send(s, () -> s.comment("heartbeat"))));
    } catch (RejectedExecutionException stopping) {
      // shutting down; an exception here would also cancel every later heartbeat
    }
  }

  @Override
  public void start() {
    long period = properties.heartbeat().toMillis();
    heartbeats.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    heartbeats.shutdownNow();
    byRecipient.values().forEach(subscriptions -> subscriptions.forEach(s -> s.emitter().complete()));
    byRecipient.clear();
    senders.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @FunctionalInterface
  private interface Send {
    void run() throws IOException;
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
