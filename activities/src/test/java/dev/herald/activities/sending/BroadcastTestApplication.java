package dev.herald.activities.sending;

import dev.herald.activities.attachment.Attachments;
import dev.herald.activities.blob.BlobStore;
import dev.herald.activities.preference.SendGate;
import dev.herald.activities.PersistenceConfig;
import dev.herald.activities.content.NotificationContents;
import dev.herald.activities.deadletter.DeadLetterWrites;
import dev.herald.activities.TestPostgres;
import dev.herald.activities.delivery.DeliveryLogActivitiesImpl;
import dev.herald.activities.events.DeliveryEvents;
import dev.herald.activities.metrics.SendMeters;
import dev.herald.activities.precedence.Precedence;
import dev.herald.activities.template.TemplateRenderer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * The broadcast tests' context: a real PostgreSQL (zonky) migrated by Flyway, the delivery log, the
 * template store, the attachments (over the directory blob store) and the channel activities' store.
 * Channel senders are built by each test.
 */
@SpringBootConfiguration
@Import({TestPostgres.class, PersistenceConfig.class, SendMeters.class, Precedence.class})
@ComponentScan(basePackageClasses = {DeliveryLogActivitiesImpl.class, DeadLetterWrites.class, NotificationContents.class, DeliveryEvents.class, ChannelActivitiesFactory.class, TemplateRenderer.class,
    SendGate.class, Attachments.class, BlobStore.class})
class BroadcastTestApplication {}
