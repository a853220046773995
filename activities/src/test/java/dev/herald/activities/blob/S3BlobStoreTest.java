package dev.herald.activities.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The blob store contract on the S3 store, against a real S3 server: S3Proxy (Apache 2.0, from Maven
 * Central; the build copies its runnable jar to target/s3proxy) on its filesystem backend, started as
 * a process of its own on a free port, and reached with path-style addressing as a self-hosted
 * S3-compatible store is.
 */
class S3BlobStoreTest extends BlobStoreContract {

  private static final String BUCKET = "herald-test";
  private static final String IDENTITY = "herald";
  private static final String CREDENTIAL = "herald-test-secret";
  private static final int PART_SIZE = 8 * 1024 * 1024;

  private static Process server;
  private static S3Client client;
  private static S3BlobStore store;

  @BeforeAll
  static void startS3Proxy() throws IOException {
    Path jar = Path.of(System.getProperty("herald.s3proxy.jar", "target/s3proxy/s3proxy.jar"));
    assertThat(jar).as("S3Proxy's jar, copied by the build (mvn process-test-resources)").exists();
    Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "s3proxy");
    Files.createDirectories(dir.resolve("data"));
    int port = freePort();
    Path properties = Files.writeString(dir.resolve("s3proxy.conf"), String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + IDENTITY,
        "s3proxy.credential=" + CREDENTIAL,
        "jclouds.provider=filesystem",
        "jclouds.identity=" + IDENTITY,
        "jclouds.credential=" + CREDENTIAL,
        "jclouds.filesystem.basedir=" + dir.resolve("data")));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    server = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar.toString(), "--properties", properties.toString()))
        .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
    await().atMost(Duration.ofSeconds(60)).until(() -> listening(port) || !server.isAlive());
    assertThat(server.isAlive()).as("S3Proxy runs (its log: " + dir.resolve("s3proxy.log") + ")").isTrue();

    var settings = new BlobProperties.S3(BUCKET, "us-east-1", URI.create("http://127.0.0.1:" + port), true,
        DataSize.ofBytes(PART_SIZE));
    client = BlobStoreConfig.client(settings,
        StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)));
    client.createBucket(b -> b.bucket(BUCKET));
    store = new S3BlobStore(client, BUCKET, PART_SIZE);
  }

  @AfterAll
  static void stopS3Proxy() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.destroy();
    }
  }

  @Override
  BlobStore store() {
    return store;
  }

  @Test
  void anObjectOverTwoPartsGoesUpAsAMultipartUploadAndAFailedOneIsAborted() throws IOException {
    store.put("s3/multipart.bin", new Generated(LARGE, 3), BlobStore.UNKNOWN_LENGTH);

    // S3's ETag of a multipart object is the digest of its parts' digests and their count
    assertThat(client.headObject(b -> b.bucket(BUCKET).key("s3/multipart.bin")).eTag()).endsWith("-3\"");
    assertThat(client.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }
}
