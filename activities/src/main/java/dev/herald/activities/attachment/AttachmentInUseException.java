package dev.herald.activities.attachment;

import java.util.UUID;

/** A delete of an attachment that a notification still running references. */
public final class AttachmentInUseException extends RuntimeException {

  AttachmentInUseException(UUID id) {
    super("attachment '" + id + "' is used by a notification that is not finished yet");
  }
}
