package dev.herald.api.attachment;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

/** The attachments' refusals as problems of the catalog. */
final class AttachmentProblem extends ProblemException {

  private AttachmentProblem(ProblemType type, String detail) {
    super(type, detail);
  }

  static AttachmentProblem notFound(String id) {
    return new AttachmentProblem(ProblemType.NOT_FOUND, "no attachment with id '" + id + "'");
  }

  static AttachmentProblem invalidLink() {
    return new AttachmentProblem(ProblemType.INVALID_LINK, "the link is invalid or has expired");
  }

  static AttachmentProblem gone(String id) {
    return new AttachmentProblem(ProblemType.GONE, "the attachment '" + id + "' was deleted or has expired");
  }

  static AttachmentProblem tooLarge(String detail) {
    return new AttachmentProblem(ProblemType.BODY_TOO_LARGE, detail);
  }

  static AttachmentProblem unsupportedType(String detail) {
    return new AttachmentProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
  }

  static AttachmentProblem inUse(String detail) {
    return new AttachmentProblem(ProblemType.WRONG_STATE, detail);
  }
}
