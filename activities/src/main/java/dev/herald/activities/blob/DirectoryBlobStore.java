package dev.herald.activities.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Objects as files under a directory (the embedded default). A put writes a temporary file beside
 * the objects and moves it into place atomically, so a reader sees the whole old object or the
 * whole new one, never half of one, and a failed put leaves nothing.
 */
final class DirectoryBlobStore implements BlobStore {

  private static final String PARTIAL = ".partial";

  private final Path root;

  /** The folder is made by the first put, so a process that never writes (a worker without attachments) makes none. */
  DirectoryBlobStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public long put(String key, InputStream content, long length) throws IOException {
    Path target = path(key);
    Path partial = Files.createTempFile(Files.createDirectories(root.resolve(PARTIAL)), "put-", ".tmp");
    try {
      long written;
      try (OutputStream out = Files.newOutputStream(partial)) {
        written = content.transferTo(out);
      }
      if (length != UNKNOWN_LENGTH && written != length) {
        throw BlobKeys.wrongLength(length, written);
      }
      Files.createDirectories(target.getParent());
      move(partial, target);
      return written;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  @Override
  public Optional<InputStream> open(String key) throws IOException {
    try {
      return Optional.of(Files.newInputStream(path(key)));
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<BlobStat> stat(String key) throws IOException {
    Path path = path(key);
    try {
      return Optional.of(new BlobStat(key, Files.size(path)));
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    }
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(path(key));
  }

  private Path path(String key) {
    return root.resolve(BlobKeys.checked(key));
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException notHere) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
