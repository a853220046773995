package dev.herald.worker.metrics;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import dev.herald.activities.metrics.MetricsProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Temporal SDK's client and worker meters (slots, pollers, schedule-to-start, request latencies)
 * on the process's registry, as the SDK documents: a tally scope reporting to Micrometer, given to every
 * connection to Temporal Herald opens ({@code TemporalClientConfig.stubsOptions}).
 */
@Configuration(proxyBeanMethods = false)
public class TemporalMetricsConfig {

  @Bean(destroyMethod = "close")
  Scope temporalMetricsScope(MeterRegistry registry, MetricsProperties properties) {
    return new RootScopeBuilder().reporter(new MicrometerClientStatsReporter(registry))
        .reportEvery(com.uber.m3.util.Duration.ofMillis(properties.temporalReportInterval().toMillis()));
  }
}
