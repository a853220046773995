package dev.herald.activities.push;

import dev.herald.activities.TestPostgres;
import dev.herald.activities.PersistenceConfig;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The push tests' context for {@code @DataJdbcTest}: a real PostgreSQL (zonky) migrated by Flyway,
 * behind the device store. Shared by the push test classes (Spring caches the context).
 */
@SpringBootConfiguration
@Import({TestPostgres.class, PersistenceConfig.class, PushDevices.class})
class PushTestApplication {}
