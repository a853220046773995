package dev.herald.activities.group;

import dev.herald.activities.TestPostgres;
import dev.herald.activities.PersistenceConfig;
import dev.herald.activities.recipient.Recipients;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The group tests' context for {@code @DataJdbcTest}: a real PostgreSQL (zonky) migrated by Flyway,
 * behind the group stores. Shared by the group test classes (Spring caches the context).
 */
@SpringBootConfiguration
@Import({TestPostgres.class, PersistenceConfig.class, RecipientGroups.class, Recipients.class})
class GroupTestApplication {}
