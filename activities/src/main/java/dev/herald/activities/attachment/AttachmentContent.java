package dev.herald.activities.attachment;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** A stored attachment's metadata and its bytes, streamed from the blob store; the caller closes it. */
public record AttachmentContent(Attachment attachment, InputStream content) implements Closeable {

  @Override
  public void close() throws IOException {
    content.close();
  }
}
