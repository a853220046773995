package dev.herald.devkit.fault;

import dev.herald.api.notification.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** The faults currently injected, by simulator name (twilio, fcm, smtp, slack). */
@Component
public class SimulatorFaults {

  public static final Set<String> SIMULATORS = new TreeSet<>(List.of("twilio", "fcm", "smtp", "slack"));

  private final Map<String, SimulatorFault> faults = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> injected = new ConcurrentHashMap<>();

  /** Puts a fault in force, when it is one: a known simulator, a rate of 0..1, an error status. */
  public void set(String simulator, SimulatorFault fault) {
    requireKnown(simulator);
    if (fault.rate() < 0 || fault.rate() > 1) {
      throw new InvalidRequestException("rate", "must be between 0 and 1");
    }
    if (fault.httpStatus() != null && (fault.httpStatus() < 400 || fault.httpStatus() > 599)) {
      throw new InvalidRequestException("httpStatus", "must be an error status, 400-599");
    }
    faults.put(simulator, fault);
  }

  public void clear(String simulator) {
    requireKnown(simulator);
    faults.remove(simulator);
  }

  public Optional<SimulatorFault> current(String simulator) {
    requireKnown(simulator);
    return Optional.ofNullable(faults.get(simulator));
  }

  public static void requireKnown(String simulator) {
    if (!SIMULATORS.contains(simulator)) {
      throw new InvalidRequestException("simulator", "must be one of " + SIMULATORS);
    }
  }

  /** A simulator answered a call with an injected error. */
  public void countInjected(String simulator) {
    injected.computeIfAbsent(simulator, name -> new AtomicLong()).incrementAndGet();
  }

  /** How many calls a simulator answered with an injected error since it started. */
  public long injected(String simulator) {
    AtomicLong count = injected.get(simulator);
    return count == null ? 0 : count.get();
  }

  /** The fault to apply to this one call: present with the fault's rate as probability. */
  public Optional<SimulatorFault> draw(String simulator) {
    return current(simulator).filter(f -> ThreadLocalRandom.current().nextDouble() < f.rate());
  }
}
