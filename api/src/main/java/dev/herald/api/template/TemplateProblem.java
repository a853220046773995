package dev.herald.api.template;

import dev.herald.activities.template.TemplateNotFoundException;
import dev.herald.activities.template.TemplateStateException;
import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

/**
 * The template store's refusals as problems of the catalog, for the REST API and the console alike:
 * no such template or version (404), a key taken or a published template deleted (409).
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

  static TemplateProblem notFound(String key) {
    return new TemplateProblem(ProblemType.NOT_FOUND, "no template '" + key + "'");
  }
}
