package dev.herald.devkit.embedded;

import dev.herald.workflows.HeraldSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.workflowservice.v1.CountWorkflowExecutionsRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code temporal server start-dev} process owned by this JVM: SQLite file and log in the data
 * folder, Herald's search attributes registered, stopped on {@link #close()} or, failing that, by a
 * JVM shutdown hook, and when this JVM is killed, by its {@link Lifeline}. A healthy server already on
 * the port (e.g. {@code temporal-dev/start.sh}'s) is reused and left running.
 */
final class TemporalDevServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TemporalDevServer.class);
  /** How long the shutdown hook leaves Spring to close the app (and this server) before it kills it. */
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
  private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
      .map(Path::of).filter(Files::isExecutable).findFirst();

  private final Path executable;
  private final int port;
  private final int uiPort;
  private final String namespace;
  private final Path dataDir;
  private final Duration startTimeout;
  private final String uiCodecEndpoint;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private Process process;
  private Thread shutdownHook;

  TemporalDevServer(Path executable, int port, int uiPort, String namespace, Path dataDir, Duration startTimeout) {
    this(executable, port, uiPort, namespace, dataDir, startTimeout, null);
  }

  /** {@code uiCodecEndpoint}: the codec server its UI decodes payloads with (Herald's), or null for none. */
  TemporalDevServer(Path executable, int port, int uiPort, String namespace, Path dataDir, Duration startTimeout,
      String uiCodecEndpoint) {
    this.uiCodecEndpoint = uiCodecEndpoint;
    this.executable = executable;
    this.port = port;
    this.uiPort = uiPort;
    this.namespace = namespace;
    this.dataDir = dataDir;
    this.startTimeout = startTimeout;
  }

  String target() {
    return "localhost:" + port;
  }

  Path database() {
    return dataDir.resolve("temporal.db");
  }

  Path logFile() {
    return dataDir.resolve("temporal.log");
  }

  /** The process started here; empty when a running server was reused. */
  synchronized Optional<ProcessHandle> process() {
    return Optional.ofNullable(process).map(Process::toHandle);
  }

  /** Starts the server (or finds one already on the port) and returns once it is healthy. */
  synchronized TemporalDevServer start() {
    if (listening()) {
      if (!healthy()) {
        throw new DevServerStartException("Port " + port + " is taken by something that is not a healthy Temporal "
            + "server.", "Stop it, or set herald.temporal.dev-server-port (HERALD_TEMPORAL_DEV_SERVER_PORT).");
      }
      ensureSearchAttributes();
      log.info("Temporal: dev server already running at {} (e.g. temporal-dev/start.sh), reused and left running; "
          + "UI http://localhost:{} if started with that UI port", target(), uiPort);
      return this;
    }
    spawn();
    try {
      awaitHealthy();
      ensureSearchAttributes();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    log.info("Temporal: dev server at {}, UI http://localhost:{} (payloads decoded by {}), data {} (log {})",
        target(), uiPort, uiCodecEndpoint == null ? "nothing: shown encrypted" : uiCodecEndpoint, database(), logFile());
    return this;
  }

  private void spawn() {
    List<String> command = new ArrayList<>();
    // Own session where setsid exists (Linux): Ctrl-C in the terminal then reaches only the JVM,
    // which stops the server after its workers, instead of both at once.
    SETSID.ifPresent(setsid -> command.add(setsid.toString()));
    List<String> server = new ArrayList<>(List.of(executable.toString(), "server", "start-dev",
        "--db-filename", database().toString(), "--port", String.valueOf(port), "--ui-port", String.valueOf(uiPort),
        "--log-level", "warn"));
    server.addAll(DevServerTuning.ARGS);
    if (!"default".equals(namespace)) {
      server.addAll(List.of("--namespace", namespace));
    }
    if (uiCodecEndpoint != null) {
      server.addAll(List.of("--ui-codec-endpoint", uiCodecEndpoint));
    }
    HeraldSearchAttributes.cliDefinitions().forEach(definition -> server.addAll(List.of("--search-attribute", definition)));
    command.addAll(Lifeline.around(server));
    try {
      Files.createDirectories(dataDir);
      // stdin stays a pipe from this JVM (the default): the Lifeline's signal that the JVM is gone
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(logFile().toFile())).start();
    } catch (IOException e) {
      throw new DevServerStartException("Could not start `" + executable + " server start-dev`: " + e.getMessage() + ".",
          "Check the executable and that " + dataDir.toAbsolutePath() + " is writable.");
    }
    shutdownHook = new Thread(this::stopUnlessClosedInTime, "temporal-dev-server-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  private void awaitHealthy() {
    Instant deadline = Instant.now().plus(startTimeout);
    while (!(listening() && healthy())) {
      if (!process.isAlive()) {
        throw new DevServerStartException("The Temporal dev server exited (code " + process.exitValue() + ") while "
            + "starting.", "See its log: " + logFile().toAbsolutePath());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new DevServerStartException("The Temporal dev server was not healthy on " + target() + " within "
            + startTimeout.toSeconds() + " s (herald.temporal.dev-server-start-timeout).",
            "See its log: " + logFile().toAbsolutePath());
      }
      sleep(Duration.ofMillis(200));
    }
  }

  /**
   * Registers whichever of Herald's search attributes the server lacks (a reused server, or a data
   * file from a version with fewer) and returns once the server takes them.
   */
  private void ensureSearchAttributes() {
    OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
        OperatorServiceStubsOptions.newBuilder().setTarget(target()).validateAndBuildWithDefaults());
    try {
      Map<String, IndexedValueType> registered = operator.blockingStub()
          .listSearchAttributes(ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
          .getCustomAttributesMap();
      Map<String, IndexedValueType> missing = new HashMap<>(HeraldSearchAttributes.DEFINITIONS);
      missing.keySet().removeAll(registered.keySet());
      if (!missing.isEmpty()) {
        operator.blockingStub().addSearchAttributes(AddSearchAttributesRequest.newBuilder()
            .setNamespace(namespace).putAllSearchAttributes(missing).build());
        log.info("Temporal: registered search attributes {} on {}", missing.keySet(), target());
        awaitUsable(missing.keySet());
      }
    } finally {
      operator.shutdownNow();
    }
  }

  /**
   * A server reads its namespaces, and with them their search attributes, into a cache it refreshes
   * every ~10 s (DevServerTuning keeps that cache on): until then it refuses a start that names an
   * attribute added a moment ago, and a visibility query naming it the same way.
   */
  private void awaitUsable(Set<String> attributes) {
    String query = attributes.stream().sorted().map(name -> name + " IS NOT NULL").collect(Collectors.joining(" AND "));
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(target()).build());
    Instant deadline = Instant.now().plus(startTimeout);
    try {
      while (true) {
        try {
          stubs.blockingStub().countWorkflowExecutions(CountWorkflowExecutionsRequest.newBuilder()
              .setNamespace(namespace).setQuery(query).build());
          return;
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() != Status.Code.INVALID_ARGUMENT || Instant.now().isAfter(deadline)) {
            throw new DevServerStartException("The Temporal server at " + target() + " did not take Herald's search "
                + "attributes " + attributes + ": " + e.getStatus() + ".", "See its log: " + logFile().toAbsolutePath());
          }
          sleep(Duration.ofMillis(500));
        }
      }
    } finally {
      stubs.shutdownNow();
    }
  }

  private boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private boolean healthy() {
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget(target()).setRpcTimeout(Duration.ofSeconds(2)).build());
    try {
      return stubs.healthCheck().getStatus() == ServingStatus.SERVING;
    } catch (RuntimeException e) {
      return false;
    } finally {
      stubs.shutdownNow();
    }
  }

  /** Stops the process started here (SIGTERM, then kill after 10 s); keeps the SQLite file. */
  @Override
  public synchronized void close() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    log.info("Temporal: dev server stopped (data kept in {})", database());
    process = null;
    stopped.countDown();
    removeShutdownHook();
  }

  private void stopUnlessClosedInTime() {
    try {
      if (!stopped.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        close();
      }
    } catch (InterruptedException e) {
      close();
    }
  }

  private void removeShutdownHook() {
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook runs and finds the server stopped
      }
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the Temporal dev server", e);
    }
  }
}
