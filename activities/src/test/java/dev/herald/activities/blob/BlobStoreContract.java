package dev.herald.activities.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What every blob store does, run against each ({@link DirectoryBlobStoreTest}, {@link S3BlobStoreTest}). */
abstract class BlobStoreContract {

  /** Over two 8MB parts: the S3 store uploads it in three. */
  static final int LARGE = 20 * 1024 * 1024 + 12345;

  abstract BlobStore store();

  @Test
  void aPutObjectReadsBackByteForByte() throws IOException {
    byte[] bytes = "hello, blob".getBytes(StandardCharsets.UTF_8);

    long stored = store().put("contract/small.txt", new ByteArrayInputStream(bytes), bytes.length);

    assertThat(stored).isEqualTo(bytes.length);
    try (InputStream in = store().open("contract/small.txt").orElseThrow()) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    assertThat(store().stat("contract/small.txt")).contains(new BlobStat("contract/small.txt", bytes.length));
  }

  @Test
  void aLargeStreamOfUnknownLengthRoundTripsWithItsSha256() throws Exception {
    MessageDigest written = sha256();

    long stored = store().put("contract/large.bin", new DigestInputStream(new Generated(LARGE, 42), written),
        BlobStore.UNKNOWN_LENGTH);

    assertThat(stored).isEqualTo(LARGE);
    MessageDigest read = sha256();
    long count;
    try (InputStream in = new DigestInputStream(store().open("contract/large.bin").orElseThrow(), read)) {
      count = in.transferTo(OutputStream.nullOutputStream());
    }
    assertThat(count).isEqualTo(LARGE);
    assertThat(read.digest()).isEqualTo(written.digest());
    assertThat(store().stat("contract/large.bin").orElseThrow().size()).isEqualTo(LARGE);
  }

  @Test
  void aPutReplacesWhatWasThere() throws IOException {
    store().put("contract/replaced", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3);

    store().put("contract/replaced", new ByteArrayInputStream(new byte[] {4}), BlobStore.UNKNOWN_LENGTH);

    try (InputStream in = store().open("contract/replaced").orElseThrow()) {
      assertThat(in.readAllBytes()).containsExactly(4);
    }
  }

  @Test
  void aStreamThatFailsHalfwayLeavesNothing() {
    InputStream failing = new Generated(LARGE, 7) {
      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (position() > LARGE / 2) {
          throw new IOException("the client went away");
        }
        return super.read(buffer, offset, length);
      }
    };

    assertThatThrownBy(() -> store().put("contract/failed", failing, BlobStore.UNKNOWN_LENGTH))
        .hasMessageContaining("went away");

    assertThat(exists("contract/failed")).isFalse();
  }

  @Test
  void aStreamOfAnotherLengthThanDeclaredIsRefusedAndLeavesNothing() {
    assertThatThrownBy(() -> store().put("contract/short", new ByteArrayInputStream(new byte[10]), 11))
        .isInstanceOf(IOException.class).hasMessageContaining("shorter");

    assertThat(exists("contract/short")).isFalse();
  }

  @Test
  void deletingIsIdempotentAndAMissingObjectIsEmpty() throws IOException {
    store().put("contract/deleted", new ByteArrayInputStream(new byte[] {1}), 1);

    store().delete("contract/deleted");
    store().delete("contract/deleted");

    assertThat(store().open("contract/deleted")).isEmpty();
    assertThat(store().stat("contract/deleted")).isEmpty();
    assertThat(store().stat("contract/never-there")).isEmpty();
  }

  @Test
  void aKeyThatCouldLeaveTheStoreIsRefused() {
    for (String key : new String[] {"../outside", "a/../../b", "/absolute", "a//b", ".hidden", ""}) {
      assertThatThrownBy(() -> store().put(key, new ByteArrayInputStream(new byte[1]), 1))
          .as(key).isInstanceOf(IllegalArgumentException.class);
    }
  }

  private boolean exists(String key) {
    try {
      return store().stat(key).isPresent();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static MessageDigest sha256() throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256");
  }

  /** A stream of pseudo-random bytes, made as they are read: a large object never held in the test's memory. */
  static class Generated extends InputStream {
    private final long length;
    private final SplittableRandom random;
    private long position;

    Generated(long length, long seed) {
      this.length = length;
      this.random = new SplittableRandom(seed);
    }

    long position() {
      return position;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (position >= this.length) {
        return -1;
      }
      int n = (int) Math.min(length, this.length - position);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = (byte) random.nextInt(256);
      }
      position += n;
      return n;
    }
  }
}
