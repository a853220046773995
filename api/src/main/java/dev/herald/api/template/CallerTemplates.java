package dev.herald.api.template;

import dev.herald.activities.template.LatestVersion;
import dev.herald.activities.template.MissingTemplateVariableException;
import dev.herald.activities.template.RenderedTemplate;
import dev.herald.activities.template.Template;
import dev.herald.activities.template.TemplateNotFoundException;
import dev.herald.activities.template.TemplateRenderException;
import dev.herald.activities.template.TemplateStateException;
import dev.herald.activities.template.TemplateVersion;
import dev.herald.activities.template.Templates;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.security.Caller;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Templates as a caller may use them, the one set of rules for the REST API and the console: a sender
 * works on its own templates (another sender's is not found, so keys do not leak), an admin on every
 * sender's; a new template is the caller's unless an admin names another owner; every request is
 * checked as {@link TemplateRequests} says. The store's refusals come as {@link TemplateProblem}s.
 */
@Component
public class CallerTemplates {

  private static final List<String> CREATE_FIELDS = List.of("key", "owner", "description");

  private final Templates templates;
  private final Validator validator;

  CallerTemplates(Templates templates, Validator validator) {
    this.templates = templates;
    this.validator = validator;
  }

  /** The caller's templates by key; an admin's are every sender's, or {@code owner}'s when named. */
  public List<Template> list(Caller caller, String owner) {
    if (!caller.isAdmin() && owner != null && !owner.equals(caller.sender())) {
      return List.of();
    }
    return templates.list(caller.isAdmin() ? owner : caller.sender());
  }

  /** The newest version of each template, by key (absent while a template has none). */
  public Map<String, LatestVersion> latestVersions(List<Template> owned) {
    return templates.latestVersions(owned.stream().map(Template::templateKey).toList());
  }

  /** The caller's template of this key. @throws TemplateProblem not found, another sender's too */
  public Template template(Caller caller, String key) {
    return templates.find(key).filter(t -> caller.actsFor(t.owner())).orElseThrow(() -> TemplateProblem.notFound(key));
  }

  /**
   * A sender sends with its own templates only; an admin, sending for any sender, with any. Another
   * sender's template is refused as a missing one (400 on {@code template}), so keys do not leak.
   */
  public void requireSendable(Caller caller, String key) {
    if (!caller.isAdmin()) {
      requireOwn(caller.sender(), key);
    }
  }

  /** The template, when named, is this sender's (a Kafka topic bound to senders sends as a sender key does). */
  public void requireOwn(String sender, String key) {
    if (key != null && templates.find(key).filter(t -> t.owner().equals(sender)).isEmpty()) {
      throw new InvalidRequestException("template", "no template '" + key + "'");
    }
  }

  /**
   * A new template, the caller's unless an admin names its owner.
   * @throws InvalidRequestException a field breaks its rules, or a sender names another owner
   * @throws TemplateProblem the key is taken (409)
   */
  public Template create(Caller caller, CreateTemplateRequest body) {
    List<FieldViolation> violations = validator.validate(body).stream()
        .map(v -> new FieldViolation(v.getPropertyPath().toString(), v.getMessage()))
        .sorted(Comparator.comparingInt(v -> CREATE_FIELDS.indexOf(v.field()))).toList();
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    CreateTemplateRequest request = body.owner() == null
        ? new CreateTemplateRequest(body.key(), caller.sender(), body.description()) : body;
    if (!caller.actsFor(request.owner())) {
      throw new InvalidRequestException("owner", "differs from this API key's sender '" + caller.sender()
          + "': a sender key owns its own templates (leave owner out)");
    }
    return store(() -> templates.create(request.key(), request.owner(), request.description()));
  }

  /** Deletes the caller's template with its versions. @throws TemplateProblem not found, or a version is active (409) */
  public void delete(Caller caller, String key) {
    template(caller, key);
    if (!store(() -> templates.delete(key))) {
      throw TemplateProblem.notFound(key);
    }
  }

  /** Every version of a template the caller was given here, oldest first. */
  public List<TemplateVersion> versions(Template template) {
    return templates.versions(template.templateKey());
  }

  /** A version of a template the caller was given here. @throws TemplateProblem no such version */
  public TemplateVersion version(Template template, int version) {
    return store(() -> templates.resolve(template.templateKey(), version));
  }

  /**
   * Writes the next version of the caller's template (a draft until published).
   * @throws InvalidRequestException a bad key or a part that breaks its rules, each named by its path
   * @throws TemplateProblem no such template
   */
  public TemplateVersion addVersion(Caller caller, String key, CreateVersionRequest request) {
    TemplateRequests.requireKey(key);
    template(caller, key);
    TemplateRequests.validate(request);
    return store(() -> templates.addVersion(key, request.content()));
  }

  /** Makes the version the active one sends use. @throws TemplateProblem no such template or version */
  public Template publish(Caller caller, String key, int version) {
    template(caller, key);
    return store(() -> templates.publish(key, version));
  }

  /**
   * Renders a version (the active one by default) with the caller's variables, sending nothing.
   * @throws InvalidRequestException a bad request, a missing variable (named {@code variables.<name>}),
   *     a channel the version has no part for
   * @throws TemplateProblem no such template or version, or none published
   */
  public RenderedTemplate preview(Caller caller, String key, PreviewRequest request) {
    TemplateRequests.validate(request);
    template(caller, key);
    try {
      return templates.preview(key, request.version(), request.channel(), request.locale(),
          request.variables() == null ? Map.of() : request.variables());
    } catch (TemplateNotFoundException e) {
      // the template is there (checked above): without a version named, none is published yet
      throw request.version() == null ? TemplateProblem.unpublished(e) : TemplateProblem.of(e);
    } catch (TemplateStateException e) {
      throw TemplateProblem.of(e);
    } catch (MissingTemplateVariableException e) {
      throw new InvalidRequestException("variables." + e.variable(), e.getMessage());
    } catch (TemplateRenderException e) {
      throw new InvalidRequestException(e.field(), e.getMessage());
    }
  }

  private static <T> T store(Supplier<T> call) {
    try {
      return call.get();
    } catch (TemplateNotFoundException e) {
      throw TemplateProblem.of(e);
    } catch (TemplateStateException e) {
      throw TemplateProblem.of(e);
    }
  }
}
