package dev.herald.activities.events;

import dev.herald.activities.PersistenceConfig;
import dev.herald.activities.TestPostgres;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;

/** The outbox's test context for {@code @DataJdbcTest}: a real PostgreSQL (zonky), migrated by Flyway. */
@SpringBootConfiguration
@Import({TestPostgres.class, PersistenceConfig.class, EventOutbox.class, DeliveryEvents.class})
class EventsTestApplication {}
