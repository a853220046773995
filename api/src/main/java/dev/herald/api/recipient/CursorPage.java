package dev.herald.api.recipient;

import java.util.List;
import java.util.function.Function;

/** One page of a list ordered by id: pass {@code next} as {@code after} for the following page; null at the end. */
public record CursorPage<T>(List<T> items, String next) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  /** From up to {@code limit + 1} rows: the extra row only tells that there is a next page. */
  public static <T> CursorPage<T> of(List<T> rows, int limit, Function<T, String> id) {
    if (rows.size() <= limit) {
      return new CursorPage<>(rows, null);
    }
    List<T> items = rows.subList(0, limit);
    return new CursorPage<>(List.copyOf(items), id.apply(items.get(limit - 1)));
  }
}
