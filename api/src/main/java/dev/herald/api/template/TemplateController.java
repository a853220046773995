package dev.herald.api.template;

import dev.herald.activities.template.MissingTemplateVariableException;
import dev.herald.activities.template.Template;
import dev.herald.activities.template.TemplateNotFoundException;
import dev.herald.activities.template.TemplateRenderException;
import dev.herald.activities.template.TemplateVersion;
import dev.herald.activities.template.Templates;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.openapi.ApiTags;
import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.problem.ProblemType;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import dev.herald.api.security.Caller;
import java.util.List;
import java.util.Map;
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
 * version is active: 409 otherwise. Preview renders without sending.
 */
@RestController
@Tag(name = ApiTags.TEMPLATES)
@RequestMapping("/api/v1/templates")
class TemplateController {

  private final Templates templates;
  private final CallerTemplates callerTemplates;

  TemplateController(Templates templates, CallerTemplates callerTemplates) {
    this.templates = templates;
    this.callerTemplates = callerTemplates;
  }

  @ProblemResponses(ProblemType.WRONG_STATE)
  @ApiResponse(responseCode = "201", description = "created", useReturnTypeSchema = true)
  @PostMapping
  ResponseEntity<TemplateView> create(@Valid @RequestBody CreateTemplateRequest body, UriComponentsBuilder uri,
      @AuthenticationPrincipal Caller caller) {
    CreateTemplateRequest request = body.owner() == null
        ? new CreateTemplateRequest(body.key(), caller.sender(), body.description()) : body;
    if (!caller.actsFor(request.owner())) {
      throw new InvalidRequestException("owner", "differs from this API key's sender '" + caller.sender()
          + "': a sender key owns its own templates (leave owner out)");
    }
    Template template = templates.create(request.key(), request.owner(), request.description());
    return ResponseEntity.created(uri.path("/api/v1/templates/{key}").buildAndExpand(template.templateKey()).toUri())
        .body(view(template));
  }

  @GetMapping
  List<TemplateView> list(@RequestParam(required = false) String owner, @AuthenticationPrincipal Caller caller) {
    return callerTemplates.list(caller, owner).stream().map(TemplateView::summary).toList();
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @GetMapping("/{key}")
  TemplateView get(@PathVariable String key, @AuthenticationPrincipal Caller caller) {
    return view(template(key, caller));
  }

  @ProblemResponses({ProblemType.NOT_FOUND, ProblemType.WRONG_STATE})
  @ApiResponse(responseCode = "204", description = "deleted with its versions", useReturnTypeSchema = true)
  @DeleteMapping("/{key}")
  ResponseEntity<Void> delete(@PathVariable String key, @AuthenticationPrincipal Caller caller) {
    template(key, caller);
    if (!templates.delete(key)) {
      throw new TemplateNotFoundException("no template '" + key + "'");
    }
    return ResponseEntity.noContent().build();
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @ApiResponse(responseCode = "201", description = "created", useReturnTypeSchema = true)
  @PostMapping("/{key}/versions")
  ResponseEntity<VersionView> addVersion(@PathVariable String key, @RequestBody CreateVersionRequest request,
      UriComponentsBuilder uri, @AuthenticationPrincipal Caller caller) {
    TemplateRequests.requireKey(key);
    template(key, caller);
    TemplateRequests.validate(request);
    TemplateVersion version = templates.addVersion(key, request.content());
    Integer active = template(key, caller).activeVersion();
    return ResponseEntity.created(uri.path("/api/v1/templates/{key}/versions/{version}")
        .buildAndExpand(key, version.version()).toUri()).body(VersionView.of(version, active));
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @GetMapping("/{key}/versions/{version}")
  VersionView version(@PathVariable String key, @PathVariable int version, @AuthenticationPrincipal Caller caller) {
    Integer active = template(key, caller).activeVersion();
    return VersionView.of(templates.resolve(key, version), active);
  }

  @ProblemResponses({ProblemType.NOT_FOUND, ProblemType.WRONG_STATE})
  @PostMapping("/{key}/versions/{version}/publish")
  TemplateView publish(@PathVariable String key, @PathVariable int version, @AuthenticationPrincipal Caller caller) {
    template(key, caller);
    return view(templates.publish(key, version));
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @PostMapping("/{key}/preview")
  PreviewView preview(@PathVariable String key, @RequestBody PreviewRequest request,
      @AuthenticationPrincipal Caller caller) {
    TemplateRequests.validate(request);
    template(key, caller);
    try {
      return PreviewView.of(templates.preview(key, request.version(), request.channel(), request.locale(),
          request.variables() == null ? Map.of() : request.variables()));
    } catch (MissingTemplateVariableException e) {
      throw new InvalidRequestException("variables." + e.variable(), e.getMessage());
    } catch (TemplateRenderException e) {
      throw new InvalidRequestException(e.field(), e.getMessage());
    }
  }

  private Template template(String key, Caller caller) {
    return callerTemplates.find(key, caller);
  }

  private TemplateView view(Template template) {
    List<TemplateVersion> versions = templates.versions(template.templateKey());
    Integer active = template.activeVersion();
    return TemplateView.full(template, versions.stream().map(v -> VersionSummary.of(v, active)).toList(),
        versions.stream().filter(v -> active != null && v.version() == active).findFirst()
            .map(v -> VersionView.of(v, active)).orElse(null));
  }
}
