package dev.herald.api.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.events}: the delivery events relayed from the outbox to Kafka (docs/events.md).
 *
 * @param enabled publish the events; off, the relay empties the outbox without publishing, so it does not grow
 * @param topic the topic, keyed by notification id (made when missing, as herald.kafka's topics)
 * @param source the events' CloudEvents {@code source} (a URI reference naming this Herald)
 * @param pollInterval how long the relay waits when the outbox is empty (or another process relays)
 * @param batchSize events per read of the outbox and flush to the broker
 * @param retryInterval how long the relay waits after a failure (the database or the broker) before it tries again
 */
@Validated
@ConfigurationProperties("herald.events")
public record EventsProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("herald.notifications.events") @NotBlank String topic,
    @DefaultValue("/herald") @NotBlank String source,
    @DefaultValue("200ms") Duration pollInterval,
    @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
    @DefaultValue("1s") Duration retryInterval) {}
