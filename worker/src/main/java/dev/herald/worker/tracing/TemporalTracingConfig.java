package dev.herald.worker.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.opentracingshim.OpenTracingShim;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.opentracing.OpenTracingClientInterceptor;
import io.temporal.opentracing.OpenTracingOptions;
import io.temporal.opentracing.OpenTracingWorkerInterceptor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Temporal's tracing interceptors (temporal-opentracing, what the Java SDK offers) on the process's
 * OpenTelemetry through OpenTelemetry's OpenTracing shim, as the SDK's module advises: a workflow start is a
 * child of the current span (the HTTP request's, the Kafka event's), and the workflow run, each activity's
 * schedule and its run follow in the same trace, the context passed in Temporal headers. It adds no command to
 * a workflow (spans and headers only), so histories replay as before. Off with Boot's tracing
 * ({@code management.tracing.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "management.tracing.enabled", matchIfMissing = true)
public class TemporalTracingConfig {

  @Bean
  OpenTracingOptions temporalTracingOptions(OpenTelemetry openTelemetry) {
    return OpenTracingOptions.newBuilder().setTracer(OpenTracingShim.createTracerShim(openTelemetry)).build();
  }

  /** On the workflow client: the start's span, and its context in the start's header. */
  @Bean
  WorkflowClientInterceptor temporalClientTracing(OpenTracingOptions options) {
    return new OpenTracingClientInterceptor(options);
  }

  /** On the workers: the workflow run's, the activities' start and run spans. */
  @Bean
  WorkerInterceptor temporalWorkerTracing(OpenTracingOptions options) {
    return new OpenTracingWorkerInterceptor(options);
  }
}
