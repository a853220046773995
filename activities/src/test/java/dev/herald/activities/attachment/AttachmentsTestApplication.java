package dev.herald.activities.attachment;

import dev.herald.activities.PersistenceConfig;
import dev.herald.activities.TestPostgres;
import dev.herald.activities.blob.BlobStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/** The attachments' test context: a real PostgreSQL (zonky), the directory blob store, a clock the test moves. */
@SpringBootConfiguration
@Import({TestPostgres.class, PersistenceConfig.class, Attachments.class, AttachmentRepository.class})
@ComponentScan(basePackageClasses = BlobStore.class)
class AttachmentsTestApplication {

  /** The time the test has set. */
  static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

  @Bean
  Clock clock() {
    return new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return NOW.get();
      }
    };
  }
}
