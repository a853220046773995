package dev.herald.activities.attachment;

import dev.herald.activities.MovableClock;
import dev.herald.activities.PersistenceConfig;
import dev.herald.activities.TestPostgres;
import dev.herald.activities.blob.BlobStore;
import java.time.Instant;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/** The attachments' test context: a real PostgreSQL (zonky), the directory blob store, a clock the test moves. */
@SpringBootConfiguration
@Import({TestPostgres.class, PersistenceConfig.class, Attachments.class, AttachmentRepository.class})
@ComponentScan(basePackageClasses = BlobStore.class)
class AttachmentsTestApplication {

  @Bean
  MovableClock clock() {
    return new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
  }
}
