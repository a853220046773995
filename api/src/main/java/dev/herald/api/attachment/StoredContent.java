package dev.herald.api.attachment;

import dev.herald.activities.attachment.Attachment;
import dev.herald.activities.attachment.AttachmentContent;
import dev.herald.activities.attachment.Attachments;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.AbstractResource;

/**
 * A stored attachment's bytes as a resource of known length, opened from the blob store anew for each read: what
 * lets Spring answer a {@code Range} request (206, one part or several) by skipping to each part, never holding it.
 */
final class StoredContent extends AbstractResource {

  private final Attachments attachments;
  private final Attachment attachment;

  StoredContent(Attachments attachments, Attachment attachment) {
    this.attachments = attachments;
    this.attachment = attachment;
  }

  @Override
  public InputStream getInputStream() throws IOException {
    return attachments.open(attachment.id()).map(AttachmentContent::content)
        .orElseThrow(() -> new FileNotFoundException(getDescription() + " is no longer stored"));
  }

  @Override
  public long contentLength() {
    return attachment.size();
  }

  @Override
  public boolean exists() {
    return true;
  }

  @Override
  public String getDescription() {
    return "attachment " + attachment.id();
  }
}
