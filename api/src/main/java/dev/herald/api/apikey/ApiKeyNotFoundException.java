package dev.herald.api.apikey;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

/** No API key with this id. */
class ApiKeyNotFoundException extends ProblemException {

  ApiKeyNotFoundException(long id) {
    super(ProblemType.NOT_FOUND, "no API key " + id);
  }
}
