package dev.herald.activities.inapp;

import dev.herald.activities.TestPostgres;
import dev.herald.activities.PersistenceConfig;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The in-app channel's test context for {@code @DataJdbcTest}: a real PostgreSQL (zonky) migrated
 * by Flyway, the module's repositories, the activity and the inbox. Data directory under {@code
 * java.io.tmpdir} (target/tmp), as in the delivery log's test context.
 */
@SpringBootConfiguration
@Import({TestPostgres.class, PersistenceConfig.class, InAppChannel.class, Inbox.class})
class InAppTestApplication {}
