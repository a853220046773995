package dev.herald.activities.blob;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The one blob store {@code herald.blobs.store} names. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BlobProperties.class)
class BlobStoreConfig {

  private static final String STORE = "herald.blobs.store";

  @Bean
  @ConditionalOnProperty(name = STORE, havingValue = "directory", matchIfMissing = true)
  BlobStore directoryBlobStore(BlobProperties properties) {
    return new DirectoryBlobStore(properties.directory());
  }

  @Bean
  @ConditionalOnProperty(name = STORE, havingValue = "s3")
  BlobStore s3BlobStore(BlobProperties properties) {
    BlobProperties.S3 s3 = properties.s3();
    if (s3.bucket() == null || s3.bucket().isBlank()) {
      throw new IllegalStateException("herald.blobs.s3.bucket (HERALD_BLOBS_S3_BUCKET) is required with "
          + "herald.blobs.store=s3");
    }
    return new S3BlobStore(client(s3, null), s3.bucket(), Math.toIntExact(s3.partSize().toBytes()));
  }

  /**
   * Checksums only where S3 requires them: the SDK's default (a trailing CRC on every upload) is refused by
   * several S3-compatible servers; each part's length is sent and checked instead. Credentials: the SDK's default
   * chain, unless others are given (tests).
   */
  static S3Client client(BlobProperties.S3 s3, AwsCredentialsProvider credentials) {
    S3ClientBuilder builder = S3Client.builder().region(Region.of(s3.region())).forcePathStyle(s3.pathStyle())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (s3.endpoint() != null) {
      builder.endpointOverride(s3.endpoint());
    }
    if (credentials != null) {
      builder.credentialsProvider(credentials);
    }
    return builder.build();
  }
}
