package dev.herald.api.template;

import dev.herald.activities.template.TemplateNotFoundException;
import dev.herald.activities.template.TemplateStateException;
import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

/**
 * The template store's refusals as problems of the catalog, for the REST API and the console alike:
 * no such template or version (404), a key taken, a published template deleted or none published to preview (409).
 */
public final class TemplateProblem extends ProblemException {

  private TemplateProblem(ProblemType type, String detail) {
    super(type, detail);
  }

  static TemplateProblem of(TemplateNotFoundException e) {
    return new TemplateProblem(ProblemType.NOT_FOUND, e.getMessage());
  }

  static TemplateProblem of(TemplateStateException e) {
    return new TemplateProblem(ProblemType.WRONG_STATE, e.getMessage());
  }

  /** A call on the published version of a template that has none yet: the template is there, its state is not. */
  static TemplateProblem unpublished(TemplateNotFoundException e) {
    return new TemplateProblem(ProblemType.WRONG_STATE, e.getMessage() + "; name a version to preview a draft");
  }

  static TemplateProblem notFound(String key) {
    return new TemplateProblem(ProblemType.NOT_FOUND, "no template '" + key + "'");
  }
}
