package dev.herald.activities.attachment;

import java.io.IOException;

/** An upload read past {@code herald.attachments.max-size}: an IOException, so the blob store's put stops and keeps nothing. */
public final class AttachmentTooLargeException extends IOException {

  public AttachmentTooLargeException(long maxBytes) {
    super("the file is larger than the " + maxBytes + " bytes an attachment may have (herald.attachments.max-size)");
  }
}
