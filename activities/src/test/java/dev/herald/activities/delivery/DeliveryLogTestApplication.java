package dev.herald.activities.delivery;

import dev.herald.activities.TestPostgres;
import dev.herald.activities.PersistenceConfig;
import dev.herald.activities.content.NotificationContents;
import dev.herald.activities.deadletter.DeadLetterWrites;
import dev.herald.activities.events.DeliveryEvents;
import dev.herald.activities.events.EventOutbox;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The delivery log's test context for {@code @DataJdbcTest}: a real PostgreSQL (zonky), migrated by
 * Flyway, behind the module's own repositories, activity and history. The database lives as long as the
 * context, which Spring caches, so every test class here shares one server.
 */
@SpringBootConfiguration
@Import({TestPostgres.class, PersistenceConfig.class, DeliveryLogActivitiesImpl.class, DeliveryLogWrites.class,
    GroupAudiences.class, DeliveryCounts.class, NotificationHistory.class, DeliveryEvents.class, EventOutbox.class,
    DeadLetterWrites.class, NotificationContents.class})
class DeliveryLogTestApplication {}
