package dev.herald.devkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.worker.encryption.PayloadKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev kit's payload key is made once, kept for its owner only, and the same at every start after. */
class DevKeyFileTest {

  @TempDir Path dataDir;

  @Test
  void theFirstStartMakesTheKeyAndLaterStartsReadTheSameOne() throws Exception {
    PayloadKeys first = new DevKeyFile(dataDir.resolve(".herald")).readOrCreate();
    PayloadKeys second = new DevKeyFile(dataDir.resolve(".herald")).readOrCreate();

    assertThat(second.active().id()).isEqualTo(first.active().id()).startsWith("dev-");
    assertThat(second.active().key().getEncoded()).isEqualTo(first.active().key().getEncoded());
    Path file = new DevKeyFile(dataDir.resolve(".herald")).file();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void aFileThatHoldsNoKeyStopsTheStartSayingWhatToDo() throws Exception {
    DevKeyFile keys = new DevKeyFile(dataDir);
    Files.writeString(keys.file(), "not a key\n");

    assertThatThrownBy(keys::readOrCreate).hasMessageContaining("payload-keys does not hold payload keys")
        .hasMessageContaining("TEMPORAL_PAYLOAD_KEYS");
  }
}
