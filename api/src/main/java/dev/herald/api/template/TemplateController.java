package dev.herald.api.template;

import dev.herald.activities.template.Template;
import dev.herald.activities.template.TemplateVersion;
import dev.herald.api.openapi.ApiTags;
import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.problem.ProblemType;
import dev.herald.api.security.Caller;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Notification templates: one per notification type (its key), owned by a sender. Versions are
 * immutable; publishing one makes it active. A template is deleted (with its versions) only while no
 * version is active: 409 otherwise. Preview renders without sending. Who may do what is
 * {@link CallerTemplates}'s, which the console uses too.
 */
@RestController
@Tag(name = ApiTags.TEMPLATES)
@RequestMapping("/api/v1/templates")
class TemplateController {

  private final CallerTemplates templates;

  TemplateController(CallerTemplates templates) {
    this.templates = templates;
  }

  @ProblemResponses(ProblemType.WRONG_STATE)
  @ApiResponse(responseCode = "201", description = "created", useReturnTypeSchema = true)
  @PostMapping
  ResponseEntity<TemplateView> create(@Valid @RequestBody CreateTemplateRequest body, UriComponentsBuilder uri,
      @AuthenticationPrincipal Caller caller) {
    Template template = templates.create(caller, body);
    return ResponseEntity.created(uri.path("/api/v1/templates/{key}").buildAndExpand(template.templateKey()).toUri())
        .body(view(template));
  }

  @GetMapping
  List<TemplateView> list(@RequestParam(required = false) String owner, @AuthenticationPrincipal Caller caller) {
    return templates.list(caller, owner).stream().map(TemplateView::summary).toList();
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @GetMapping("/{key}")
  TemplateView get(@PathVariable String key, @AuthenticationPrincipal Caller caller) {
    return view(templates.template(caller, key));
  }

  @ProblemResponses({ProblemType.NOT_FOUND, ProblemType.WRONG_STATE})
  @ApiResponse(responseCode = "204", description = "deleted with its versions", useReturnTypeSchema = true)
  @DeleteMapping("/{key}")
  ResponseEntity<Void> delete(@PathVariable String key, @AuthenticationPrincipal Caller caller) {
    templates.delete(caller, key);
    return ResponseEntity.noContent().build();
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @ApiResponse(responseCode = "201", description = "created", useReturnTypeSchema = true)
  @PostMapping("/{key}/versions")
  ResponseEntity<VersionView> addVersion(@PathVariable String key, @RequestBody CreateVersionRequest request,
      UriComponentsBuilder uri, @AuthenticationPrincipal Caller caller) {
    TemplateVersion version = templates.addVersion(caller, key, request);
    Integer active = templates.template(caller, key).activeVersion();
    return ResponseEntity.created(uri.path("/api/v1/templates/{key}/versions/{version}")
        .buildAndExpand(key, version.version()).toUri()).body(VersionView.of(version, active));
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @GetMapping("/{key}/versions/{version}")
  VersionView version(@PathVariable String key, @PathVariable int version, @AuthenticationPrincipal Caller caller) {
    Template template = templates.template(caller, key);
    return VersionView.of(templates.version(template, version), template.activeVersion());
  }

  @ProblemResponses({ProblemType.NOT_FOUND, ProblemType.WRONG_STATE})
  @PostMapping("/{key}/versions/{version}/publish")
  TemplateView publish(@PathVariable String key, @PathVariable int version, @AuthenticationPrincipal Caller caller) {
    return view(templates.publish(caller, key, version));
  }

  @ProblemResponses({ProblemType.NOT_FOUND, ProblemType.WRONG_STATE})
  @PostMapping("/{key}/preview")
  PreviewView preview(@PathVariable String key, @RequestBody PreviewRequest request,
      @AuthenticationPrincipal Caller caller) {
    return PreviewView.of(templates.preview(caller, key, request));
  }

  private TemplateView view(Template template) {
    List<TemplateVersion> versions = templates.versions(template);
    Integer active = template.activeVersion();
    return TemplateView.full(template, versions.stream().map(v -> VersionSummary.of(v, active)).toList(),
        versions.stream().filter(v -> active != null && v.version() == active).findFirst()
            .map(v -> VersionView.of(v, active)).orElse(null));
  }
}
