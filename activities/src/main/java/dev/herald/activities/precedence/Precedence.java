package dev.herald.activities.precedence;

import dev.herald.activities.metrics.HeraldMeters;
import dev.herald.workflows.messages.Priority;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Lower-ranked work in this process gives the CPU to higher-ranked work while that runs: a broadcast
 * batch pauses between members while single sends of its priority or higher are being accepted or
 * sent, the NORMAL and LOW Kafka lanes pause between events while HIGH work is, and the delivery
 * events relay between reads while single sends run, and the low lanes' task queues stop being polled while
 * HIGH work runs. Temporal's priority and
 * fairness keys order the task queues; this keeps the work already taken from them from crowding the
 * cores. Work "runs" from when it is seen (accepted, or a send starts) until {@code hold} after it
 * was last seen. Giving way slows lower work down, it never stops it.
 */
@Component
@EnableConfigurationProperties(PrecedenceProperties.class)
public class Precedence {

  private static final long NEVER = Long.MIN_VALUE / 2;
  private static final Work RELAY = new Work(Priority.NORMAL, true);

  private final PrecedenceProperties settings;
  private final AtomicLongArray lastSeen = new AtomicLongArray(Work.ranks());
  private final Map<Pause, Counter> pauses = new EnumMap<>(Pause.class);
  private final ReentrantLock memberTurn = new ReentrantLock(true);
  /** When the low lanes last stopped polling, and when they last started again ({@link #lowLanesGiveWay}). */
  private long lanesStoppedAt = NEVER;
  private long lanesPollingSince = NEVER;

  /** @param registry the process's (actuator's); a context without one (a unit test's) counts into its own */
  @Autowired
  public Precedence(PrecedenceProperties settings, ObjectProvider<MeterRegistry> registry) {
    this(settings, registry.getIfAvailable(SimpleMeterRegistry::new));
  }

  public Precedence(PrecedenceProperties settings, MeterRegistry registry) {
    this.settings = settings;
    for (int rank = 0; rank < Work.ranks(); rank++) {
      lastSeen.set(rank, NEVER);
    }
    for (Pause pause : Pause.values()) {
      pauses.put(pause, Counter.builder(HeraldMeters.PRECEDENCE_PAUSES).tag(HeraldMeters.KIND, pause.tag)
          .description("Pauses of lower-ranked work giving way to higher-ranked work").register(registry));
    }
  }

  /** What gave way, as the pauses counter tags it. */
  enum Pause {
    MEMBER("member"), EVENT("event"), RELAY("relay"), POLLING("polling");

    final String tag;

    Pause(String tag) {
      this.tag = tag;
    }
  }

  /** {@code work} is running now. */
  public void seen(Work work) {
    lastSeen.set(work.rank(), System.nanoTime());
  }

  /** Whether {@code work} should give way now: work of a higher rank was seen within the hold. */
  public boolean givesWay(Work work) {
    return seenWithinHold(work.rank());
  }

  /** Whether work of a rank above {@code rank} (0 the highest) was seen within the hold. */
  private boolean seenWithinHold(int rank) {
    if (!settings.enabled()) {
      return false;
    }
    long since = System.nanoTime() - settings.hold().toNanos();
    for (int above = 0; above < rank; above++) {
      if (lastSeen.get(above) > since) {
        return true;
      }
    }
    return false;
  }

  /** Whether HIGH work was seen within the hold: the NORMAL and LOW Kafka lanes and the low lanes give way. */
  public boolean highWorkRuns() {
    return seenWithinHold(Work.ranksOf(Priority.HIGH));
  }

  /**
   * A broadcast batch's member: pauses once when it gives way. The batches giving way in this process take
   * turns, so together they send about one member per {@code member-pause}, however many are in flight.
   */
  public void beforeMember(Work batch) throws InterruptedException {
    if (givesWay(batch)) {
      pauses.get(Pause.MEMBER).increment();
      memberTurn.lockInterruptibly();
      try {
        TimeUnit.NANOSECONDS.sleep(settings.memberPause().toNanos());
      } finally {
        memberTurn.unlock();
      }
    }
  }

  /**
   * An event of the {@code lane}'s priority, before it is accepted: pauses once while HIGH work runs. Only
   * for HIGH, which is meant to be rare: a LOW lane that gave way to steady NORMAL traffic would crawl.
   */
  public void beforeEvent(Priority lane) throws InterruptedException {
    if (lane != Priority.HIGH && highWorkRuns()) {
      pauses.get(Pause.EVENT).increment();
      TimeUnit.NANOSECONDS.sleep(settings.eventPause().toNanos());
    }
  }

  /**
   * The delivery events relay between two full reads of its outbox: the hold while it gives way (it ranks as a
   * NORMAL broadcast, whose work its backlog mostly is), else none.
   */
  public Duration relayPause() {
    if (!givesWay(RELAY)) {
      return Duration.ZERO;
    }
    pauses.get(Pause.RELAY).increment();
    return settings.hold();
  }

  /**
   * Whether the low lanes' pollers stop now: while HIGH work runs, for at most {@code lane-pause} at a
   * stretch, after which they poll for a {@code hold} at least before they stop again, so steady HIGH traffic
   * slows LOW work down and never stops it. Asked by one thread, {@code now} from {@link System#nanoTime}.
   */
  public synchronized boolean lowLanesGiveWay(long now) {
    boolean stopped = lanesStoppedAt > lanesPollingSince;
    boolean wanted = highWorkRuns();
    if (stopped && (!wanted || now - lanesStoppedAt >= settings.lanePause().toNanos())) {
      lanesPollingSince = now;
      return false;
    }
    if (!stopped && wanted && now - lanesPollingSince >= settings.hold().toNanos()) {
      lanesStoppedAt = now;
      pauses.get(Pause.POLLING).increment();
      return true;
    }
    return stopped;
  }
}
