package dev.herald.api.console.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.activities.template.Template;
import dev.herald.activities.template.TemplateVersion;
import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.template.TemplatePreviews.Preview;
import dev.herald.api.security.Caller;
import dev.herald.api.template.CallerTemplates;
import dev.herald.api.console.template.PartLayout.ChannelForm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A template's page (its versions, which one is published) and a version's page (its parts per
 * locale, a preview, publishing it).
 */
@ConsoleController
class TemplatePageController {

  static final String VERSION_VIEW = "console/templates/version";

  /** A version in the template's history: what it covers, its category, when written and first published. */
  record VersionRow(int version, boolean published, String channels, String locales, String category,
      Instant createdAt, Instant publishedAt) {

    static VersionRow of(TemplateVersion version, Integer active) {
      String channels = PartLayout.CHANNEL_FORMS.stream().filter(c -> version.content().offers(c.channel()))
          .map(ChannelForm::label).collect(Collectors.joining(", "));
      String locales = version.content().locales().keySet().stream().sorted().collect(Collectors.joining(", "));
      return new VersionRow(version.version(), active != null && active == version.version(), channels,
          locales.isEmpty() ? "default only" : "default, " + locales, version.content().settings().category(),
          version.createdAt(), version.publishedAt());
    }
  }

  private final CallerTemplates templates;
  private final ObjectMapper json;

  TemplatePageController(CallerTemplates templates, ObjectMapper json) {
    this.templates = templates;
    this.json = json;
  }

  @GetMapping("/console/templates/{key}")
  String template(@PathVariable String key, @AuthenticationPrincipal Caller caller, Model model) {
    Template template = templates.template(caller, key);
    List<VersionRow> rows = new ArrayList<>(templates.versions(template).stream()
        .map(v -> VersionRow.of(v, template.activeVersion())).toList());
    Collections.reverse(rows);
    model.addAttribute("template", template);
    model.addAttribute("versions", rows);
    return "console/templates/template";
  }

  @GetMapping("/console/templates/{key}/versions/{version}")
  String version(@PathVariable String key, @PathVariable int version, @AuthenticationPrincipal Caller caller,
      Model model) {
    return show(caller, key, version, Preview.none(PreviewForm.EMPTY), model);
  }

  @PostMapping("/console/templates/{key}/versions/{version}/publish")
  String publish(@PathVariable String key, @PathVariable int version, @AuthenticationPrincipal Caller caller,
      RedirectAttributes redirect) {
    templates.publish(caller, key, version);
    redirect.addFlashAttribute("notice", "Version " + version + " is published: sends of " + key + " use it from now on.");
    return "redirect:" + TemplatePaths.version(key, version);
  }

  /** The version's page with a preview (none yet, rendered, or its errors). */
  String show(Caller caller, String key, int number, Preview preview, Model model) {
    Template template = templates.template(caller, key);
    TemplateVersion version = templates.version(template, number);
    model.addAttribute("template", template);
    model.addAttribute("version", version);
    model.addAttribute("published", template.activeVersion() != null && template.activeVersion() == number);
    model.addAttribute("sources", PartValues.of(version.content(), json));
    model.addAttribute("channels", PartLayout.CHANNEL_FORMS);
    model.addAttribute("offered", PartLayout.CHANNEL_FORMS.stream().filter(c -> version.content().offers(c.channel())).toList());
    model.addAttribute("preview", preview);
    return VERSION_VIEW;
  }
}
