package dev.herald.api.ingest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.kafka}: where notification requests arrive and where the ones that cannot be
 * accepted go. An empty {@code bootstrapServers} in the all-in-one app means the embedded broker.
 */
@Validated
@ConfigurationProperties("herald.kafka")
public record IngestProperties(
    String bootstrapServers,
    @NotBlank String requestsTopic,
    @NotBlank String deadLetterTopic,
    @Min(1) int partitions,
    @Min(1) short replicas) {}
