package dev.herald.api.codec;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

/** A payload given to the codec endpoint that Herald's keys cannot decode: which key it names, never the payload. */
class PayloadNotDecodableException extends ProblemException {

  PayloadNotDecodableException(String detail) {
    super(ProblemType.PAYLOAD_NOT_DECODABLE, detail);
  }
}
