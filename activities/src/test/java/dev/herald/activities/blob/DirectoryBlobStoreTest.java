package dev.herald.activities.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blob store contract on the directory store (the embedded default), in a temporary folder. */
class DirectoryBlobStoreTest extends BlobStoreContract {

  @TempDir Path root;
  private DirectoryBlobStore store;

  @BeforeEach
  void open() {
    store = new DirectoryBlobStore(root);
  }

  @Override
  BlobStore store() {
    return store;
  }

  @Test
  void noPartialFileIsLeftBehindAfterAPut() throws IOException {
    store.put("a/b", new ByteArrayInputStream(new byte[] {1, 2}), 2);

    try (Stream<Path> partial = Files.list(root.resolve(".partial"))) {
      assertThat(partial).isEmpty();
    }
    assertThat(root.resolve("a/b")).hasBinaryContent(new byte[] {1, 2});
  }
}
