package dev.herald.devkit.embedded;

import io.temporal.testing.TestWorkflowEnvironment;
import java.lang.reflect.Field;
import java.util.LinkedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the in-process test server from slowing down the longer it runs. Its timer
 * ({@code SelfAdvancingTimerImpl}) appends every time-skipping lock and unlock to a
 * {@code LinkedList} kept "for debugging purposes only", never trims it, and scans it under a
 * global lock on every unlock: after ~20k workflows half of all CPU went to
 * {@code LinkedList.remove} (a profile of the benchmark) and throughput fell from ~370 to ~150
 * workflows/s. This swaps that list for one that keeps nothing. The server only reads the list to
 * print lock diagnostics, and it checks an unlock against it only to catch its own bugs.
 *
 * <p>It reaches into the server's internals (temporal-testing 1.38): when they change, it logs a
 * warning and leaves the server as it is, which still works, only slower over time.
 */
final class TestServerLockLog {

  private static final Logger log = LoggerFactory.getLogger(TestServerLockLog.class);

  private TestServerLockLog() {}

  /** True when the server's lock log now keeps nothing. */
  static boolean stopRecording(TestWorkflowEnvironment environment) {
    try {
      Object service = read(environment, "service");
      Object timer = read(service, "selfAdvancingTimer");
      Field events = field(timer.getClass(), "lockEvents");
      if (!(events.get(timer) instanceof LinkedList<?>)) {
        throw new NoSuchFieldException("lockEvents is not a LinkedList");
      }
      events.set(timer, new KeepNothing<>());
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("Temporal in-process test server: could not stop its lock log from growing ({}); it will slow down "
          + "the longer it runs", e.toString());
      return false;
    }
  }

  /** For tests: how many lock events the server's timer holds. */
  static int recordedEvents(TestWorkflowEnvironment environment) throws ReflectiveOperationException {
    Object timer = read(read(environment, "service"), "selfAdvancingTimer");
    return ((LinkedList<?>) read(timer, "lockEvents")).size();
  }

  private static Object read(Object owner, String name) throws ReflectiveOperationException {
    Object value = field(owner.getClass(), name).get(owner);
    if (value == null) {
      throw new NoSuchFieldException(name + " is null");
    }
    return value;
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }

  /** Takes every event and keeps none; every unlock finds its lock. */
  private static final class KeepNothing<E> extends LinkedList<E> {

    @Override
    public boolean add(E event) {
      return true;
    }

    @Override
    public boolean remove(Object event) {
      return true;
    }
  }
}
