package dev.herald.activities.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The most recently used values of something immutable (a template version, a compiled template), at
 * most {@code capacity} of them: an entry never goes stale, and the bound keeps memory flat however
 * many templates are in use. A failed load is not cached.
 */
final class LruCache<K, V> {

  private final Map<K, V> entries;

  LruCache(int capacity) {
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  V get(K key, Function<K, V> load) {
    synchronized (entries) {
      V cached = entries.get(key);
      if (cached != null) {
        return cached;
      }
    }
    V loaded = load.apply(key);
    synchronized (entries) {
      entries.put(key, loaded);
    }
    return loaded;
  }
}
