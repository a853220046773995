package dev.herald.api.console.template;

import org.springframework.web.util.UriComponentsBuilder;

/** The templates pages' addresses, for redirects (a key is a path segment of a-z, 0-9, '.', '_', '-'). */
final class TemplatePaths {

  private TemplatePaths() {}

  static String template(String key) {
    return build("/console/templates/{key}", key);
  }

  static String newVersion(String key) {
    return build("/console/templates/{key}/versions/new", key);
  }

  static String version(String key, int version) {
    return build("/console/templates/{key}/versions/{version}", key, version);
  }

  private static String build(String pattern, Object... values) {
    return UriComponentsBuilder.fromPath(pattern).buildAndExpand(values).encode().toUriString();
  }
}
