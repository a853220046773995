package dev.herald.activities.channel;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file a message carries: its name, type and size, and its bytes opened only when the message is written
 * (each open a new stream from the blob store, which the reader closes), so no message holds a file in memory.
 */
public record AttachedFile(String filename, String contentType, long size, Opener opener) {

  /** Opens the file's bytes from the start. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  public InputStream open() throws IOException {
    return opener.open();
  }
}
