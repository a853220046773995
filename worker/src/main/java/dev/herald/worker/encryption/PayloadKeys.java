package dev.herald.worker.encryption;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keys a Herald process holds for Temporal payloads: the first encrypts, every one decrypts. So
 * a key rotates in two steps: add the new one at the end everywhere (all can read it), then move it
 * first everywhere (all write with it); an old key goes only when no history still needs it.
 */
public final class PayloadKeys {

  private final PayloadKey active;
  private final Map<String, PayloadKey> byId;

  public PayloadKeys(List<PayloadKey> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no key: write at least one as " + PayloadKey.FORM);
    }
    Map<String, PayloadKey> map = new LinkedHashMap<>();
    for (PayloadKey key : keys) {
      if (map.putIfAbsent(key.id(), key) != null) {
        throw new IllegalArgumentException("the id '" + key.id() + "' is given twice: each key needs its own id");
      }
    }
    this.active = keys.get(0);
    this.byId = Collections.unmodifiableMap(map);
  }

  /**
   * Comma-separated {@code <id>:<base64>} entries, the first the one that encrypts. An error names
   * the entry by position or id, never its key.
   */
  public static PayloadKeys parse(String setting) {
    List<String> entries = Arrays.stream(setting.split(",")).map(String::strip).filter(e -> !e.isEmpty()).toList();
    PayloadKey[] keys = new PayloadKey[entries.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = PayloadKey.parse(entries.get(i), i + 1);
    }
    return new PayloadKeys(List.of(keys));
  }

  /** The key new payloads are encrypted with. */
  public PayloadKey active() {
    return active;
  }

  public Optional<PayloadKey> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Every key's id, the active one first. */
  public Set<String> ids() {
    return byId.keySet();
  }

  @Override
  public String toString() {
    return "PayloadKeys" + ids();
  }
}
