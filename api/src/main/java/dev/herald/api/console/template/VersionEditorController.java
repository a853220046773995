package dev.herald.api.console.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.activities.preference.Categories;
import dev.herald.activities.template.Template;
import dev.herald.activities.template.TemplateVersion;
import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.FormErrors;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.security.Caller;
import dev.herald.api.template.CallerTemplates;
import dev.herald.api.template.TemplateRequests;
import jakarta.servlet.http.HttpServletResponse;
import dev.herald.api.console.template.PartLayout.ChannelForm;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Writing a new version of a template: each channel's part for the default and each locale, starting
 * from the newest version (or the one named by {@code from}), its category too. Versions never change, so saving writes
 * the next version, a draft until published. Adding or removing a locale re-renders the form with
 * everything typed kept (no script needed).
 */
@ConsoleController
class VersionEditorController {

  /** A digest's fields in the editor: name, label and an example. */
  record DigestField(String name, String label, String example) {}

  static final List<DigestField> DIGEST_FIELDS = List.of(
      new DigestField(PartValues.DIGEST_WINDOW, "Window", "10m"),
      new DigestField(PartValues.DIGEST_DAILY_AT, "Daily at", "09:00"),
      new DigestField(PartValues.DIGEST_KEY, "Key (optional)", "the template key"));

  static final String ACTION_ADD_LOCALE = "add-locale";
  private static final String NEW_LOCALE = "newLocale";

  private final CallerTemplates templates;
  private final Categories categories;
  private final ObjectMapper json;

  VersionEditorController(CallerTemplates templates, Categories categories, ObjectMapper json) {
    this.templates = templates;
    this.categories = categories;
    this.json = json;
  }

  @GetMapping("/console/templates/{key}/versions/new")
  String editor(@PathVariable String key, @RequestParam(required = false) Integer from,
      @AuthenticationPrincipal Caller caller, Model model) {
    Template template = templates.template(caller, key);
    TemplateVersion base = from != null ? templates.version(template, from)
        : templates.versions(template).stream().reduce((first, second) -> second).orElse(null);
    PartValues values = base == null ? PartValues.empty() : PartValues.of(base.content(), json);
    return page(template, base == null ? null : base.version(), values, "", FormErrors.NONE, model);
  }

  @PostMapping("/console/templates/{key}/versions")
  String save(@PathVariable String key, @RequestParam MultiValueMap<String, String> form,
      @RequestParam(defaultValue = "save") String action, @RequestParam(required = false) String remove,
      @RequestParam(required = false) Integer from, @AuthenticationPrincipal Caller caller, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    Template template = templates.template(caller, key);
    PartValues values = PartValues.read(form);
    String newLocale = form.getOrDefault(NEW_LOCALE, List.of("")).get(0).strip();
    if (remove != null) {
      return page(template, from, values.withoutLocale(remove), newLocale, FormErrors.NONE, model);
    }
    if (ACTION_ADD_LOCALE.equals(action)) {
      return addLocale(template, from, values, newLocale, model, response);
    }
    try {
      TemplateVersion saved = templates.addVersion(caller, key, values.request(json));
      redirect.addFlashAttribute("notice", "Version " + saved.version() + " saved as a draft: preview it, then publish it.");
      return "redirect:" + TemplatePaths.version(key, saved.version());
    } catch (InvalidRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(template, from, values, newLocale, FormErrors.of(e, values.fieldNames()), model);
    }
  }

  private String addLocale(Template template, Integer from, PartValues values, String tag, Model model,
      HttpServletResponse response) {
    String problem = tag.isEmpty() ? "is required: a locale tag such as ko or ko-KR"
        : !TemplateRequests.isLocaleTag(tag) ? "is not a locale tag such as ko or ko-KR"
        : values.hasLocale(tag) ? "is in this version already" : null;
    if (problem != null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(template, from, values, tag, FormErrors.of(new InvalidRequestException(NEW_LOCALE, problem),
          List.of(NEW_LOCALE)), model);
    }
    return page(template, from, values.withLocale(tag), "", FormErrors.NONE, model);
  }

  /**
   * The parts shown open ({@code <section>.<channel key>}): those with text or an error; in an empty
   * form the default email.
   */
  private static Set<String> open(PartValues values, FormErrors errors) {
    Set<String> open = new HashSet<>();
    for (String section : values.sections()) {
      for (ChannelForm channel : PartLayout.CHANNEL_FORMS) {
        String part = section + "." + channel.key();
        if (values.has(section, channel) || errors.byField().keySet().stream().anyMatch(f -> f.startsWith(part + "."))) {
          open.add(part);
        }
      }
    }
    if (open.isEmpty()) {
      open.add(PartValues.DEFAULTS + "." + PartLayout.CHANNEL_FORMS.get(0).key());
    }
    return open;
  }

  private String page(Template template, Integer from, PartValues values, String newLocale, FormErrors errors,
      Model model) {
    model.addAttribute("template", template);
    model.addAttribute("from", from);
    model.addAttribute("values", values);
    model.addAttribute("channels", PartLayout.CHANNEL_FORMS);
    model.addAttribute("open", open(values, errors));
    model.addAttribute("newLocale", newLocale);
    model.addAttribute("errors", errors);
    model.addAttribute("categories", categories.list());
    model.addAttribute("categoryField", PartValues.CATEGORY);
    model.addAttribute("preferencesLinkField", PartValues.PREFERENCES_LINK);
    model.addAttribute("highPassesField", PartValues.HIGH_PASSES_QUIET_HOURS);
    model.addAttribute("digestFields", DIGEST_FIELDS);
    return "console/templates/editor";
  }
}
