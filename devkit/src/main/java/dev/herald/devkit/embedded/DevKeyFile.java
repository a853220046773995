package dev.herald.devkit.embedded;

import dev.herald.worker.encryption.PayloadKey;
import dev.herald.worker.encryption.PayloadKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev kit's key for Temporal payloads, in {@code <data-dir>/payload-keys} (the form of
 * {@code TEMPORAL_PAYLOAD_KEYS}), made on first start, readable by its owner only. Deleting it makes the
 * history kept beside it unreadable: delete the data folder as a whole.
 */
final class DevKeyFile {

  private static final Logger log = LoggerFactory.getLogger(DevKeyFile.class);

  private final Path file;

  DevKeyFile(Path dataDir) {
    this.file = dataDir.resolve("payload-keys");
  }

  Path file() {
    return file;
  }

  PayloadKeys readOrCreate() {
    try {
      if (!Files.exists(file)) {
        create();
      }
      PayloadKeys keys = PayloadKeys.parse(Files.readString(file, StandardCharsets.UTF_8));
      log.info("Temporal payloads: encrypted with the dev kit's key {} from {} (TEMPORAL_PAYLOAD_KEYS for others)",
          keys.active().id(), file);
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the dev kit's payload key " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(file + " does not hold payload keys: " + e.getMessage()
          + ". Delete the data folder to start afresh, or set TEMPORAL_PAYLOAD_KEYS.");
    }
  }

  private void create() throws IOException {
    Files.createDirectories(file.getParent());
    PayloadKey key = PayloadKey.generate("dev-" + LocalDate.now(ZoneOffset.UTC), new SecureRandom());
    try {
      if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      Files.write(file, List.of(key.encoded()), StandardCharsets.UTF_8);
    } catch (FileAlreadyExistsException madeMeanwhile) {
      // another start made it first: that one is the key
    }
  }
}
