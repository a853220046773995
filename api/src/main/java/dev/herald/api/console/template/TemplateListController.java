package dev.herald.api.console.template;

import dev.herald.activities.template.LatestVersion;
import dev.herald.activities.template.Template;
import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.ConsolePage;
import dev.herald.api.console.FormErrors;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.problem.ProblemType;
import dev.herald.api.security.Caller;
import dev.herald.api.security.Role;
import dev.herald.api.template.CallerTemplates;
import dev.herald.api.template.CreateTemplateRequest;
import dev.herald.api.template.TemplateProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The templates page: the caller's templates (an admin's: every sender's, or one owner's) with their
 * newest and published versions, and a form for a new one, which goes on to its first version.
 */
@ConsoleController
class TemplateListController {

  static final String PATH = "/console/templates";
  private static final List<String> FIELDS = List.of("key", "owner", "description");
  /** A sender's form has no owner field: a violation of owner shows above the form. */
  private static final List<String> SENDER_FIELDS = List.of("key", "description");

  /** One template in the list; {@code updated} is its last change: created, a version written or published. */
  record Row(String key, String owner, String description, Integer latestVersion, Integer publishedVersion,
      Instant updated) {}

  /** The new template's fields as typed. */
  record NewTemplate(String key, String owner, String description) {
    static final NewTemplate EMPTY = new NewTemplate("", "", "");
  }

  private final CallerTemplates templates;

  TemplateListController(CallerTemplates templates) {
    this.templates = templates;
  }

  @Bean
  static ConsolePage templatesPage() {
    return new ConsolePage(PATH, "Templates", 40, Role.SENDER);
  }

  @GetMapping(PATH)
  String list(@RequestParam(required = false) String owner, @AuthenticationPrincipal Caller caller, Model model) {
    return page(caller, owner, NewTemplate.EMPTY, FormErrors.NONE, model);
  }

  @PostMapping(PATH)
  String create(@RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "") String owner,
      @RequestParam(defaultValue = "") String description, @AuthenticationPrincipal Caller caller, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    NewTemplate typed = new NewTemplate(key, owner, description);
    List<String> fields = caller.isAdmin() ? FIELDS : SENDER_FIELDS;
    FormErrors errors;
    try {
      Template created = templates.create(caller, new CreateTemplateRequest(key, blankToNull(owner),
          blankToNull(description)));
      redirect.addFlashAttribute("notice", "Template " + created.templateKey() + " created: write its first version.");
      return "redirect:" + TemplatePaths.newVersion(created.templateKey());
    } catch (InvalidRequestException e) {
      errors = FormErrors.of(e, fields);
    } catch (TemplateProblem e) {
      if (e.type() != ProblemType.WRONG_STATE) {
        throw e;
      }
      errors = FormErrors.of(new InvalidRequestException("key", e.getMessage()), fields);
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return page(caller, null, typed, errors, model);
  }

  private String page(Caller caller, String owner, NewTemplate typed, FormErrors errors, Model model) {
    String shown = caller.isAdmin() && owner != null && !owner.isBlank() ? owner : null;
    List<Template> owned = templates.list(caller, shown);
    Map<String, LatestVersion> latest = templates.latestVersions(owned);
    model.addAttribute("rows", owned.stream().map(t -> row(t, latest.get(t.templateKey()))).toList());
    model.addAttribute("owner", shown);
    model.addAttribute("admin", caller.isAdmin());
    model.addAttribute("typed", typed);
    model.addAttribute("errors", errors);
    return "console/templates/list";
  }

  private static Row row(Template template, LatestVersion latest) {
    Instant updated = latest != null && latest.createdAt().isAfter(template.updatedAt())
        ? latest.createdAt() : template.updatedAt();
    return new Row(template.templateKey(), template.owner(), template.description(),
        latest == null ? null : latest.version(), template.activeVersion(), updated);
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
