package dev.herald.api.preference;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

final class CategoryNotFoundException extends ProblemException {
  CategoryNotFoundException(String name) {
    super(ProblemType.NOT_FOUND, "no category '" + name + "' is described");
  }
}
