package dev.herald.activities.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Objects in an S3 bucket (AWS or any S3-compatible storage). A put reads one part at a time
 * ({@code herald.blobs.s3.part-size}): a stream that ends within the first part is one PutObject, a
 * longer one a multipart upload of such parts, aborted when the stream fails, so memory holds one
 * part per upload and a failed put leaves nothing.
 */
final class S3BlobStore implements BlobStore, AutoCloseable {

  /** S3's smallest part but the last. */
  static final int MIN_PART_SIZE = 5 * 1024 * 1024;

  private final S3Client s3;
  private final String bucket;
  private final int partSize;

  S3BlobStore(S3Client s3, String bucket, int partSize) {
    if (partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException("herald.blobs.s3.part-size must be at least 5MB (S3's smallest part)");
    }
    this.s3 = s3;
    this.bucket = bucket;
    this.partSize = partSize;
  }

  @Override
  public long put(String key, InputStream content, long length) throws IOException {
    BlobKeys.checked(key);
    byte[] part = new byte[partSize];
    int first = content.readNBytes(part, 0, partSize);
    if (first < partSize) {
      checkLength(length, first);
      s3.putObject(b -> b.bucket(bucket).key(key).contentLength((long) first), body(part, first));
      return first;
    }
    String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      long total = 0;
      for (int read = first; read > 0; read = content.readNBytes(part, 0, partSize)) {
        int number = parts.size() + 1;
        int size = read;
        String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(number)
            .contentLength((long) size), body(part, size)).eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        total += read;
      }
      checkLength(length, total);
      s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload)
          .multipartUpload(m -> m.parts(parts)));
      return total;
    } catch (IOException | RuntimeException failed) {
      abort(key, upload, failed);
      throw failed;
    }
  }

  @Override
  public Optional<InputStream> open(String key) {
    try {
      return Optional.of(s3.getObject(b -> b.bucket(bucket).key(BlobKeys.checked(key))));
    } catch (NoSuchKeyException absent) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<BlobStat> stat(String key) {
    try {
      long size = s3.headObject(b -> b.bucket(bucket).key(BlobKeys.checked(key))).contentLength();
      return Optional.of(new BlobStat(key, size));
    } catch (NoSuchKeyException absent) {
      return Optional.empty();
    } catch (S3Exception failed) {
      // HEAD has no body, so S3 names no error code: a 404 is all it says of a missing key
      if (failed.statusCode() == 404) {
        return Optional.empty();
      }
      throw failed;
    }
  }

  @Override
  public void delete(String key) {
    // S3's delete of a missing key succeeds
    s3.deleteObject(b -> b.bucket(bucket).key(BlobKeys.checked(key)));
  }

  @Override
  public void close() {
    s3.close();
  }

  private void abort(String key, String upload, Exception cause) {
    try {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload));
    } catch (RuntimeException notAborted) {
      cause.addSuppressed(notAborted);
    }
  }

  /** The part's bytes as they are (RequestBody.fromBytes would copy them). */
  private static RequestBody body(byte[] part, int size) {
    return RequestBody.fromInputStream(new ByteArrayInputStream(part, 0, size), size);
  }

  private static void checkLength(long declared, long read) throws IOException {
    if (declared != UNKNOWN_LENGTH && declared != read) {
      throw BlobKeys.wrongLength(declared, read);
    }
  }
}
