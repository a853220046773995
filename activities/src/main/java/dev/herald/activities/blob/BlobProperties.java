package dev.herald.activities.blob;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.blobs}: where large objects (attachments) are kept.
 *
 * @param store {@code directory} (the default: files under {@code directory}) or {@code s3}
 * @param directory the directory store's folder, relative to the working directory (the dev kit: its data folder's
 *     {@code blobs})
 * @param s3 the S3 store's bucket and connection
 */
@Validated
@ConfigurationProperties("herald.blobs")
public record BlobProperties(@DefaultValue("directory") @NotNull Kind store, @DefaultValue("blobs") @NotNull Path directory,
    @DefaultValue @Valid S3 s3) {

  /** Which store keeps the objects. */
  public enum Kind { DIRECTORY, S3 }

  /**
   * The S3 store's settings; credentials come from the AWS SDK's default chain (environment, system properties,
   * profile files, web identity, container or instance roles).
   *
   * @param bucket the bucket, which must exist
   * @param region the bucket's region (any value for most S3-compatible servers)
   * @param endpoint another endpoint than AWS's, e.g. {@code http://localhost:9000} for an S3-compatible server
   * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}: what most
   *     S3-compatible servers need
   * @param partSize a put of more than this is a multipart upload of such parts (at least 5MB); an upload holds one
   *     part in memory
   */
  public record S3(String bucket, @DefaultValue("us-east-1") @NotNull String region, URI endpoint,
      @DefaultValue("false") boolean pathStyle, @DefaultValue("8MB") @NotNull DataSize partSize) {}
}
