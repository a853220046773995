package dev.herald.activities.attachment;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that fails with {@link AttachmentTooLargeException} as soon as more than the limit has been read. */
final class SizeLimit extends FilterInputStream {

  private final long maxBytes;
  private long read;
  private long marked;

  SizeLimit(InputStream in, long maxBytes) {
    super(in);
    this.maxBytes = maxBytes;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  @Override
  public synchronized void mark(int limit) {
    super.mark(limit);
    marked = read;
  }

  @Override
  public synchronized void reset() throws IOException {
    super.reset();
    read = marked;
  }

  private void count(long n) throws AttachmentTooLargeException {
    read += n;
    if (read > maxBytes) {
      throw new AttachmentTooLargeException(maxBytes);
    }
  }
}
