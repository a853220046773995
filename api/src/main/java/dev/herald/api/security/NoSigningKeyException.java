package dev.herald.api.security;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

/** Recipient tokens cannot be minted: no signing key is configured. */
class NoSigningKeyException extends ProblemException {

  NoSigningKeyException() {
    super(ProblemType.UNAVAILABLE, "no signing key for recipient tokens is configured (herald.security.recipient-tokens)");
  }
}
