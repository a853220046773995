package dev.herald.activities.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tag values kept to a bound, so a tag cannot grow a series per sender or per code without end: the
 * values always allowed, then the first {@code most} others seen, then {@link HeraldMeters#OTHER}.
 */
public final class BoundedValues {

  private final Set<String> allowed;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final int most;

  public BoundedValues(Set<String> allowed, int most) {
    this.allowed = Set.copyOf(allowed);
    this.most = most;
  }

  /** The value as a tag: itself while within the bound, else {@code other}; {@code none} for null. */
  public String of(String value) {
    if (value == null || value.isBlank()) {
      return HeraldMeters.NONE;
    }
    if (allowed.contains(value) || seen.contains(value)) {
      return value;
    }
    // a race may let a few more than most in; the bound still holds within the number of threads
    if (seen.size() < most) {
      seen.add(value);
      return value;
    }
    return HeraldMeters.OTHER;
  }
}
