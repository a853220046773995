package dev.herald.api.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.herald.activities.template.Template;
import java.time.Instant;
import java.util.List;

/**
 * A template as the API shows it. The list leaves out {@code versions} and {@code active}; one
 * template has every version's summary and the active version in full (null until published).
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record TemplateView(
    String key,
    String owner,
    String description,
    Integer activeVersion,
    Instant createdAt,
    Instant updatedAt,
    List<VersionSummary> versions,
    VersionView active) {

  static TemplateView summary(Template template) {
    return new TemplateView(template.templateKey(), template.owner(), template.description(),
        template.activeVersion(), template.createdAt(), template.updatedAt(), null, null);
  }

  static TemplateView full(Template template, List<VersionSummary> versions, VersionView active) {
    return new TemplateView(template.templateKey(), template.owner(), template.description(),
        template.activeVersion(), template.createdAt(), template.updatedAt(), versions, active);
  }
}
