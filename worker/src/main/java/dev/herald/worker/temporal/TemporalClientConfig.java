package dev.herald.worker.temporal;

import com.uber.m3.tally.Scope;
import dev.herald.worker.encryption.PlainUserMetadata;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Temporal client, on the configured cluster or on whatever {@link WorkflowServiceStubs} is given,
 * with payloads encrypted by Herald's data converter (dev.herald.worker.encryption); the workers use
 * the same client, so the same converter.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TemporalProperties.class)
public class TemporalClientConfig {

  @Bean(destroyMethod = "shutdown")
  @ConditionalOnExpression(TemporalProperties.ADDRESS_CONFIGURED)
  WorkflowServiceStubs clusterServiceStubs(TemporalProperties properties, PlainUserMetadata plainUserMetadata,
      Scope metricsScope) {
    return WorkflowServiceStubs.newServiceStubs(
        stubsOptions(plainUserMetadata, metricsScope).setTarget(properties.address()).build());
  }

  /** With the client interceptor beans (tracing: a workflow start is a span of the trace it is made in). */
  @Bean
  WorkflowClient workflowClient(WorkflowServiceStubs stubs, TemporalProperties properties, DataConverter dataConverter,
      ObjectProvider<WorkflowClientInterceptor> interceptors) {
    return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder(clientOptions(properties, dataConverter))
        .setInterceptors(interceptors.orderedStream().toArray(WorkflowClientInterceptor[]::new)).build());
  }

  /** Options of every Temporal client Herald builds: its namespace and its data converter. */
  public static WorkflowClientOptions clientOptions(TemporalProperties properties, DataConverter dataConverter) {
    return WorkflowClientOptions.newBuilder().setNamespace(properties.namespace()).setDataConverter(dataConverter).build();
  }

  /** Options of every connection to Temporal Herald opens: summaries stay plain ({@link PlainUserMetadata}). */
  public static WorkflowServiceStubsOptions.Builder stubsOptions(PlainUserMetadata plainUserMetadata) {
    return WorkflowServiceStubsOptions.newBuilder().setGrpcClientInterceptors(List.of(plainUserMetadata));
  }

  /** The same, reporting the SDK's client and worker meters to {@code metricsScope} (TemporalMetricsConfig). */
  public static WorkflowServiceStubsOptions.Builder stubsOptions(PlainUserMetadata plainUserMetadata, Scope metricsScope) {
    return stubsOptions(plainUserMetadata).setMetricsScope(metricsScope);
  }
}
