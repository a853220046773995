package dev.herald.activities.attachment;

/** A file whose bytes are of a type not taken, or of another type than the one it was declared as. */
public final class AttachmentTypeException extends RuntimeException {

  AttachmentTypeException(String message) {
    super(message);
  }
}
