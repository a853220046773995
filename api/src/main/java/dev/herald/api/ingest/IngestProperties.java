package dev.herald.api.ingest;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.kafka}: where notification requests arrive and where the ones that cannot be
 * accepted go (the brokers are {@code spring.kafka.bootstrap-servers}).
 *
 * @param maxInFlight notifications being accepted or sent (all processes together) above which the
 *     listener waits before starting another, so a backlog waits in Kafka, in order
 * @param maxWait the longest the listener waits for room; then it starts the notification anyway
 * @param topicSenders by topic, the senders its events may speak for, comma-separated ({@code *}: any);
 *     the requests topic needs its entry, and every other entry is a request topic too ({@link TopicSenders})
 */
@Validated
@ConfigurationProperties("herald.kafka")
public record IngestProperties(
    @NotBlank String requestsTopic,
    @NotBlank String deadLetterTopic,
    @Min(1) int partitions,
    @Min(1) short replicas,
    @DefaultValue("500") @Min(1) int maxInFlight,
    @DefaultValue("60s") Duration maxWait,
    @NotNull @DefaultValue Map<String, String> topicSenders) {}
