package dev.herald.devkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.workflows.HeraldSearchAttributes;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code temporal server start-dev} through {@link TemporalDevServer}, on free ports with a
 * temp data folder. Needs the Temporal CLI (CI installs it): without it this test fails, it does not skip.
 */
class TemporalDevServerIT {

  @TempDir Path dataDir;

  @Test
  void startsAHealthyDevServerWithHeraldsSearchAttributesAndStopsIt() throws IOException {
    Path executable = cli();
    int port = freePort();
    int uiPort = freePort();

    ProcessHandle process;
    try (TemporalDevServer server = new TemporalDevServer(executable, port, uiPort, "default", dataDir,
        Duration.ofSeconds(60)).start()) {
      process = server.process().orElseThrow();
      assertThat(process.isAlive()).isTrue();
      assertThat(healthStatus(server.target())).isEqualTo(ServingStatus.SERVING);
      assertThat(customSearchAttributes(server.target())).containsAllEntriesOf(HeraldSearchAttributes.DEFINITIONS);
      assertThat(server.database()).exists();
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> !process.isAlive());
    assertThat(ProcessHandle.of(process.pid()).filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void aDataFileWithoutHeraldsSearchAttributesGetsThemUsableBeforeStartReturns() throws Exception {
    Path executable = cli();
    int port = freePort();
    Path database = dataDir.resolve("temporal.db");
    // a data file from a server that never had Herald's attributes (as after an upgrade that adds one)
    Process earlier = new ProcessBuilder(executable.toString(), "server", "start-dev", "--db-filename",
        database.toString(), "--port", String.valueOf(port), "--headless", "--log-level", "warn")
        .redirectErrorStream(true).redirectOutput(dataDir.resolve("earlier.log").toFile()).start();
    try {
      await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
          .until(() -> healthStatus("localhost:" + port) == ServingStatus.SERVING);
    } finally {
      earlier.destroy();
      earlier.waitFor(15, TimeUnit.SECONDS);
    }
    assertThat(database).exists();

    try (TemporalDevServer server = new TemporalDevServer(executable, port, freePort(), "default", dataDir,
        Duration.ofSeconds(60)).start()) {
      WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
      try {
        // refused with INVALID_ARGUMENT while the server does not know every attribute named
        WorkflowStub probe = WorkflowClient.newInstance(stubs).newUntypedWorkflowStub("SearchAttributeProbe",
            WorkflowOptions.newBuilder().setTaskQueue("nobody-polls").setTypedSearchAttributes(SearchAttributes
                .newBuilder()
                .set(HeraldSearchAttributes.STATUS, "ACCEPTED")
                .set(HeraldSearchAttributes.CHANNELS, List.of("EMAIL"))
                .set(HeraldSearchAttributes.PRIORITY, "HIGH")
                .set(HeraldSearchAttributes.SENDER, "probe").build()).build());
        probe.start();
        probe.terminate("probe only");
      } finally {
        stubs.shutdownNow();
      }
    }
  }

  private static Path cli() {
    return TemporalCli.onThisMachine().find().orElseThrow(() -> new AssertionError(
        "This test needs the Temporal CLI: install it with `" + TemporalCli.INSTALL_COMMAND + "`"));
  }

  private static ServingStatus healthStatus(String target) {
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    try {
      return stubs.healthCheck().getStatus();
    } finally {
      stubs.shutdownNow();
    }
  }

  private static Map<String, IndexedValueType> customSearchAttributes(String target) {
    OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
        OperatorServiceStubsOptions.newBuilder().setTarget(target).validateAndBuildWithDefaults());
    try {
      return operator.blockingStub()
          .listSearchAttributes(ListSearchAttributesRequest.newBuilder().setNamespace("default").build())
          .getCustomAttributesMap();
    } finally {
      operator.shutdownNow();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
