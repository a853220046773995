package dev.herald.api.attachment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Uploads over plain HTTP (java.net.http), where a test needs a say over the body: streamed without a
 * length (chunked), or announced by Content-Length behind {@code Expect: 100-continue}.
 */
final class Uploads {

  static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d494844520000000100000001080600000"
      + "01f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082");
  static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: its status and JSON body (empty when it had none). */
  record Answer(int status, Map<String, Object> body) {}

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;

  Uploads(int port) {
    this.port = port;
  }

  /** A body streamed as it is made, without a length: Transfer-Encoding chunked. */
  Answer streamed(String key, String contentType, Supplier<InputStream> body) {
    return send(request(key, contentType).POST(HttpRequest.BodyPublishers.ofInputStream(body)).build());
  }

  /**
   * The head of a request announcing a body of {@code length} with {@code Expect: 100-continue}, as curl sends a
   * large file, over a socket of its own (java.net.http sends the body after a final answer too): the server's first
   * answer, its status line and what follows, up to when it closes the connection.
   */
  String announced(String key, String contentType, long length) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(20_000);
      String head = "POST /api/v1/attachments HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + key
          + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
          + "\r\nExpect: 100-continue\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder request(String key, String contentType) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/attachments"))
        .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + key).header("Content-Type", contentType);
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      Map<String, Object> body = response.body().length == 0 ? Map.of()
          : JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {});
      return new Answer(response.statusCode(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Lines of random letters, made as they are read: a large text file never held in the test's memory. */
  static final class Text extends InputStream {
    private final long length;
    private final SplittableRandom random;
    private final MessageDigest digest;
    private long position;

    /** Feeds each byte it makes to {@code digest} too (null: none). */
    Text(long length, long seed, MessageDigest digest) {
      this.length = length;
      this.random = new SplittableRandom(seed);
      this.digest = digest;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
      if (position >= length) {
        return -1;
      }
      int n = (int) Math.min(count, length - position);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = (byte) ((position + i) % 80 == 79 ? '\n' : 'a' + random.nextInt(26));
      }
      if (digest != null) {
        digest.update(buffer, offset, n);
      }
      position += n;
      return n;
    }
  }
}
