package dev.herald.activities.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where large objects live (attachments, media): a directory in the embedded default, S3-compatible
 * object storage in production ({@code herald.blobs.store}). Bytes are streamed in and out, never
 * held whole in memory. Keys are paths of {@code A-Z a-z 0-9 . _ -} segments joined by {@code /}.
 */
public interface BlobStore {

  /** A length not known in advance: the stream is read to its end. */
  long UNKNOWN_LENGTH = -1;

  /**
   * Stores the stream's bytes under the key, replacing what was there; answers how many were stored.
   * With a known {@code length}, a stream of another length is refused. When it throws (the stream
   * failed, or was refused by a limit it enforces), nothing is left under the key.
   */
  long put(String key, InputStream content, long length) throws IOException;

  /** The object's bytes, streamed; empty when there is none. The caller closes the stream. */
  Optional<InputStream> open(String key) throws IOException;

  /** The object's size, or empty when there is none. */
  Optional<BlobStat> stat(String key) throws IOException;

  /** Deletes the object; nothing happens when there is none. */
  void delete(String key) throws IOException;
}
