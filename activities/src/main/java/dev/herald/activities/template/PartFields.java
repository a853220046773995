package dev.herald.activities.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One part's fields rendered with one caller's variables by {@link MustacheParts}; a failure names the
 * field after the channel's key and the part's field name ({@code email.subject}).
 */
public final class PartFields {

  private final String key;
  private final Map<String, ?> variables;

  PartFields(String key, Map<String, ?> variables) {
    this.key = key;
    this.variables = variables;
  }

  /** Plain text, nothing escaped; null stays null. */
  public String text(String name, String source) {
    return MustacheParts.execute(false, source, key, name, variables);
  }

  /** HTML: every variable escaped but {@code {{{x}}}}; null stays null. */
  public String html(String name, String source) {
    return MustacheParts.execute(true, source, key, name, variables);
  }

  /** Each value as plain text, named {@code name.<its key>}; null stays null. */
  public Map<String, String> text(String name, Map<String, String> sources) {
    if (sources == null) {
      return null;
    }
    Map<String, String> rendered = new LinkedHashMap<>();
    sources.forEach((entry, source) -> rendered.put(entry, text(name + "." + entry, source)));
    return rendered;
  }
}
