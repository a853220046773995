package dev.herald.activities.recipient;

import dev.herald.activities.TestPostgres;
import dev.herald.activities.PersistenceConfig;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The recipient tests' context for {@code @DataJdbcTest}: a real PostgreSQL (zonky) migrated by Flyway,
 * behind the recipient stores. Shared by the recipient test classes (Spring caches the context).
 */
@SpringBootConfiguration
@Import({TestPostgres.class, PersistenceConfig.class, Recipients.class, RecipientImport.class})
class RecipientTestApplication {}
