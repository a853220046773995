package dev.herald.api.dev;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/** The faults currently injected, by simulator name (twilio, fcm, smtp). */
@Component
public class SimulatorFaults {

  private final Map<String, SimulatorFault> faults = new ConcurrentHashMap<>();

  public void set(String simulator, SimulatorFault fault) {
    faults.put(simulator, fault);
  }

  public void clear(String simulator) {
    faults.remove(simulator);
  }

  public Optional<SimulatorFault> current(String simulator) {
    return Optional.ofNullable(faults.get(simulator));
  }

  /** The fault to apply to this one call: present with the fault's rate as probability. */
  public Optional<SimulatorFault> draw(String simulator) {
    return current(simulator).filter(f -> ThreadLocalRandom.current().nextDouble() < f.rate());
  }
}
