package dev.herald.devkit.fault;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** The faults currently injected, by simulator name (twilio, fcm, smtp, slack). */
@Component
public class SimulatorFaults {

  private final Map<String, SimulatorFault> faults = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> injected = new ConcurrentHashMap<>();

  public void set(String simulator, SimulatorFault fault) {
    faults.put(simulator, fault);
  }

  public void clear(String simulator) {
    faults.remove(simulator);
  }

  public Optional<SimulatorFault> current(String simulator) {
    return Optional.ofNullable(faults.get(simulator));
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
