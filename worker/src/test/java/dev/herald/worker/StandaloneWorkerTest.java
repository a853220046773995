package dev.herald.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.herald.workflows.HeraldSearchAttributes;
import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.messages.ApprovalPolicy;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.messages.Recipient;
import dev.herald.workflows.notification.NotificationIds;
import dev.herald.workflows.notification.NotificationWorkflow;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The worker as its own process would run it: WorkerApplication with herald-worker.yml, connected by
 * address to a Temporal server (the standalone test server on a port), a PostgreSQL and an SMTP server.
 */
class StandaloneWorkerTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  private static EmbeddedPostgres postgres;
  private static TestServer.PortBoundTestServer temporal;
  private static WorkflowServiceStubs stubs;
  private static ConfigurableApplicationContext worker;

  @BeforeAll
  static void startInfrastructureAndWorker() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    int temporalPort = freePort();
    temporal = TestServer.createPortBoundServer(temporalPort, false);
    String address = "localhost:" + temporalPort;
    registerSearchAttributes(address);
    stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    worker = WorkerApplication.run(new String[0],
        "--herald.temporal.address=" + address,
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres",
        "--herald.email.smtp.host=127.0.0.1",
        "--herald.email.smtp.port=" + smtp.getSmtp().getPort(),
        "--server.port=0");
  }

  @AfterAll
  static void stopAll() throws IOException {
    if (worker != null) {
      worker.close();
    }
    stubs.shutdown();
    temporal.close();
    postgres.close();
  }

  @Test
  void standaloneWorkerRunsANotificationToTheEnd() {
    String id = NotificationIds.fromIdempotencyKey("standalone-1");
    var spec = new NotificationSpec(id, "standalone-1", "test", List.of(Channel.EMAIL),
        List.of(Recipient.ofEmail("worker@example.com")), new Content("Standalone", "Hello"), Priority.NORMAL, null,
        new ApprovalPolicy(10, Duration.ofHours(1)), Instant.now(), "hash", null, null, null, null, null);
    WorkflowClient client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace("default").build());
    NotificationWorkflow workflow = client.newWorkflowStub(NotificationWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.NOTIFICATIONS)
            .setWorkflowExecutionTimeout(Duration.ofMinutes(1)).build());

    NotificationResult result = workflow.send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  private static void registerSearchAttributes(String address) {
    OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
        OperatorServiceStubsOptions.newBuilder().setTarget(address).validateAndBuildWithDefaults());
    try {
      operator.blockingStub().addSearchAttributes(AddSearchAttributesRequest.newBuilder()
          .setNamespace("default").putAllSearchAttributes(HeraldSearchAttributes.DEFINITIONS).build());
    } finally {
      operator.shutdown();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
