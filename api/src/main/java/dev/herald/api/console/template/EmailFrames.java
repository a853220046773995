package dev.herald.api.console.template;

import java.util.Map;
import java.util.Optional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address of a template version's email HTML, rendered on its own with a policy of its own
 * (TemplatePreviewController#email), for a sandboxed frame on any console page: the Templates pages
 * and the Send page. Empty when the variables make the address too long for a frame.
 */
public final class EmailFrames {

  static final int MAX_FRAME_URL = 6000;

  private EmailFrames() {}

  public static Optional<String> src(String key, int version, String locale, String variablesJson) {
    String src = UriComponentsBuilder.fromPath("/console/templates/{key}/versions/{version}/preview/email")
        .queryParam("locale", "{locale}").queryParam("variables", "{variables}").encode()
        .buildAndExpand(Map.of("key", key, "version", version, "locale", locale == null ? "" : locale,
            "variables", variablesJson == null ? "" : variablesJson))
        .toUriString();
    return src.length() > MAX_FRAME_URL ? Optional.empty() : Optional.of(src);
  }
}
