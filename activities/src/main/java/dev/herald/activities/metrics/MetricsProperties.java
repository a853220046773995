package dev.herald.activities.metrics;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.metrics}: Herald's meters (docs/operations.md#monitoring).
 *
 * @param refreshInterval how often the gauges that ask PostgreSQL, Temporal or Kafka are refreshed (a scrape reads
 *     the last answer, it never queries)
 * @param senders senders that always get a {@code sender} tag of their own
 * @param mostSenders beyond {@code senders}, how many other senders get their own tag, first seen first; the rest
 *     are {@code other}
 * @param mostErrorCodes provider error codes tagged per channel, first seen first; the rest are {@code other}
 * @param deliverySlos the delivery time histogram's buckets (SLO boundaries)
 * @param temporalReportInterval how often the Temporal SDK's meters are reported to the registry
 */
@Validated
@ConfigurationProperties("herald.metrics")
public record MetricsProperties(
    @DefaultValue("15s") Duration refreshInterval,
    @DefaultValue("") List<String> senders,
    @DefaultValue("50") @Min(0) int mostSenders,
    @DefaultValue("20") @Min(1) int mostErrorCodes,
    @DefaultValue({"1s", "5s", "15s", "30s", "1m", "5m", "15m", "1h"}) List<Duration> deliverySlos,
    @DefaultValue("10s") Duration temporalReportInterval) {}
