package dev.herald.api.console.approval;

import java.util.AbstractMap;
import java.util.Set;

/**
 * The {@code recipient} template variable of a preview that has no one recipient: every field, at any
 * depth, is there and shows as itself ({@code {{recipient.name}}}), as each recipient's own value
 * replaces it at sending.
 */
final class RecipientPlaceholders extends AbstractMap<String, Object> {

  static final String VARIABLE = "recipient";

  private final String path;

  RecipientPlaceholders() {
    this(VARIABLE);
  }

  private RecipientPlaceholders(String path) {
    this.path = path;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String;
  }

  @Override
  public Object get(Object key) {
    return key instanceof String name ? new RecipientPlaceholders(path + "." + name) : null;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return Set.of();
  }

  @Override
  public String toString() {
    return "{{" + path + "}}";
  }
}
