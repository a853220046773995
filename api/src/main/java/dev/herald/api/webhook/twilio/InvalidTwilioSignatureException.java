package dev.herald.api.webhook.twilio;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

/** A webhook request whose {@code X-Twilio-Signature} is missing or wrong: not from Twilio. */
class InvalidTwilioSignatureException extends ProblemException {

  InvalidTwilioSignatureException() {
    super(ProblemType.INVALID_SIGNATURE, "X-Twilio-Signature is missing or does not match the request");
  }
}
