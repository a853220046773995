package dev.herald.worker.temporal;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Temporal client, on the configured cluster or on whatever {@link WorkflowServiceStubs} is given. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TemporalProperties.class)
public class TemporalClientConfig {

  @Bean(destroyMethod = "shutdown")
  @ConditionalOnExpression(TemporalProperties.ADDRESS_CONFIGURED)
  WorkflowServiceStubs clusterServiceStubs(TemporalProperties properties) {
    return WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(properties.address()).build());
  }

  @Bean
  WorkflowClient workflowClient(WorkflowServiceStubs stubs, TemporalProperties properties) {
    return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace(properties.namespace()).build());
  }
}
