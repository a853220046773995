package dev.herald.api.e2e;

import dev.herald.api.codec.TemporalCodecController;
import dev.herald.devkit.embedded.DevServerTuning;
import dev.herald.worker.encryption.PayloadKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The processes of the end-to-end suite, started once for all its classes (JUnit's root store closes
 * them at the end): a real Temporal dev server (SQLite file, UI, Herald's search attributes), the
 * infra process (the dev kit's jar with its workers off: embedded PostgreSQL, Kafka, SMTP sink and
 * simulators) and one worker (the worker jar: notification workflows and every channel it can
 * send on, which is all but SMS and voice) connected to both by address; an SMS-only worker and an
 * API-only process (the api jar, as deployed) for the scenarios that start them.
 */
final class E2eProcesses implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

  static final String CLI_INSTALL = "go install github.com/temporalio/cli/cmd/temporal@v1.5.1";
  static final int TEMPORAL_PORT = 7233;
  static final int TEMPORAL_UI_PORT = 8233;
  /**
   * The suite's own namespace: a worker started elsewhere on this machine with the default settings
   * (localhost:7233, namespace default) once took this suite's tasks and read its own database.
   */
  static final String NAMESPACE = "herald-e2e";
  static final int INFRA_PORT = 8080;
  static final int API_PORT = 8081;
  static final int WORKER_PORT = 8082;
  static final int SMS_WORKER_PORT = 8083;
  static final int KAFKA_PORT = 8090;
  static final int SMTP_PORT = 8091;
  /** The admin key the infra and API processes create at start (HERALD_BOOTSTRAP_ADMIN_KEY) and HeraldClient sends. */
  static final String ADMIN_KEY = "hk_e2eadmin_end-to-end-suite-admin-key-0123456789abcdef";

  /** The suite's payload keys: every Herald process of one cluster shares them, or one cannot read another's payloads. */
  static final String PAYLOAD_KEYS = PayloadKey.generate("e2e", new SecureRandom()).encoded();
  /** The suite's unsubscribe link keys: a worker with an SMTP server does not start without them. */
  static final String LINK_KEYS = "e2e:" + java.util.Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));

  private static final Pattern POSTGRES_PORT = Pattern.compile("PostgreSQL: embedded on port (\\d+)");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static E2eProcesses started;

  private final Path root = Path.of("").toAbsolutePath().getParent();
  private final Path dir = Path.of("target", "e2e").toAbsolutePath();
  private HeraldProcess temporal;
  private HeraldProcess infra;
  private HeraldProcess worker;
  private HeraldProcess api;
  private HeraldProcess smsWorker;
  private int postgresPort;

  /** The running suite's processes. */
  static E2eProcesses get() {
    if (started == null) {
      throw new IllegalStateException("E2eProcesses not started: annotate the class with @ExtendWith(E2eProcesses.class)");
    }
    return started;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    synchronized (E2eProcesses.class) {
      if (started == null) {
        E2eProcesses processes = new E2eProcesses();
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(E2eProcesses.class.getName(), processes);
        processes.startAll();
        started = processes;
      }
    }
  }

  private void startAll() throws IOException {
    Path cli = temporalCli();
    for (int port : new int[] {TEMPORAL_PORT, TEMPORAL_UI_PORT, INFRA_PORT, API_PORT, WORKER_PORT, SMS_WORKER_PORT,
        KAFKA_PORT, SMTP_PORT}) {
      requireFree(port);
    }
    Files.createDirectories(dir.resolve("tmp"));
    try (Stream<Path> old = Files.list(dir)) {
      for (Path file : old.filter(f -> f.toString().endsWith(".log") || f.toString().endsWith(".png")).toList()) {
        Files.delete(file);
      }
    }
    Files.deleteIfExists(dir.resolve("temporal.db"));
    temporal = new HeraldProcess("temporal", temporalCommand(cli), Map.of(), dir,
        () -> temporalHealthy(cli), Duration.ofSeconds(60)).start();
    infra = new HeraldProcess("infra", java(root.resolve("devkit/target"), "herald-devkit-", "-Xmx768m",
        "--herald.embedded.kafka-port=" + KAFKA_PORT, "--herald.embedded.smtp-port=" + SMTP_PORT),
        env("HERALD_WORKER_ENABLED", "false", "HERALD_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY,
            "SERVER_PORT", String.valueOf(INFRA_PORT)),
        dir, () -> healthy(INFRA_PORT), Duration.ofSeconds(180)).start();
    postgresPort = postgresPort(infra.log());
    worker = new HeraldProcess("worker", java(root.resolve("worker/target"), "herald-worker-", "-Xmx512m"),
        env("JDBC_URL", jdbcUrl(), "JDBC_USERNAME", "postgres",
            "SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(SMTP_PORT), "SERVER_PORT", String.valueOf(WORKER_PORT)),
        dir, () -> healthy(WORKER_PORT), Duration.ofSeconds(180)).start();
    api = new HeraldProcess("api", java(root.resolve("api/target"), "herald-api-", "-Xmx512m"),
        env("HERALD_WORKER_ENABLED", "false", "HERALD_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY,
            "JDBC_URL", jdbcUrl(), "JDBC_USERNAME", "postgres", "KAFKA_BOOTSTRAP_SERVERS", "localhost:" + KAFKA_PORT,
            "SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(SMTP_PORT), "SERVER_PORT", String.valueOf(API_PORT),
            // REST only: infra consumes the requests topic, so a killed API does not stall its consumer group
            "SPRING_KAFKA_LISTENER_AUTO_STARTUP", "false",
            // the api jar does not start without its requests topic's rule (the scenarios' events are e2e's)
            "HERALD_KAFKA_TOPICSENDERS_HERALD_NOTIFICATIONS_REQUESTS", "e2e"),
        dir, () -> healthy(API_PORT), Duration.ofSeconds(180));
    // SMS on its own: the real Twilio SDK against infra's Twilio simulator, whose callbacks reach infra's webhook
    smsWorker = new HeraldProcess("sms-worker", java(root.resolve("worker/target"), "herald-worker-", "-Xmx384m"),
        env("HERALD_WORKER_CHANNELS", "SMS", "HERALD_WORKER_ORCHESTRATION", "false",
            "JDBC_URL", jdbcUrl(), "JDBC_USERNAME", "postgres", "SERVER_PORT", String.valueOf(SMS_WORKER_PORT),
            "TWILIO_ACCOUNT_SID", "ACd0000000000000000000000000000de7", "TWILIO_AUTH_TOKEN", "herald-dev-twilio-auth-token",
            "TWILIO_BASE_URL", infraUrl() + "/simulators/twilio", "TWILIO_STATUS_CALLBACK_BASE_URL", infraUrl(),
            "TWILIO_FROM_NUMBER", "+15005550006"),
        dir, () -> healthy(SMS_WORKER_PORT), Duration.ofSeconds(180));
  }

  HeraldProcess temporal() {
    return temporal;
  }

  HeraldProcess infra() {
    return infra;
  }

  HeraldProcess worker() {
    return worker;
  }

  /** A worker serving only the SMS queue (not started until a scenario starts it). */
  HeraldProcess smsWorker() {
    return smsWorker;
  }

  /** A separate API process (not started until a scenario starts it), connected to infra by address. */
  HeraldProcess api() {
    return api;
  }

  String infraUrl() {
    return "http://localhost:" + INFRA_PORT;
  }

  String apiUrl() {
    return "http://localhost:" + API_PORT;
  }

  String kafkaBootstrap() {
    return "localhost:" + KAFKA_PORT;
  }

  String temporalUiUrl() {
    return "http://localhost:" + TEMPORAL_UI_PORT;
  }

  Path dir() {
    return dir;
  }

  Path root() {
    return root;
  }

  @Override
  public void close() {
    for (HeraldProcess process : new HeraldProcess[] {api, smsWorker, worker, infra, temporal}) {
      if (process != null) {
        process.stop(Duration.ofSeconds(20));
      }
    }
  }

  /**
   * Environment of a Herald process: the dev server's address and namespace, the payload keys, the public
   * URL (infra's) and link keys of unsubscribe links, then {@code pairs}.
   */
  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new java.util.HashMap<>(Map.of("TEMPORAL_ADDRESS", "localhost:" + TEMPORAL_PORT,
        "TEMPORAL_NAMESPACE", NAMESPACE, "TEMPORAL_PAYLOAD_KEYS", PAYLOAD_KEYS,
        "HERALD_PUBLIC_URL", "http://localhost:" + INFRA_PORT, "HERALD_PREFERENCE_LINK_KEYS", LINK_KEYS));
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  private String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
  }

  private List<String> temporalCommand(Path cli) throws IOException {
    List<String> command = new ArrayList<>(List.of(cli.toString(), "server", "start-dev",
        "--db-filename", dir.resolve("temporal.db").toString(), "--port", String.valueOf(TEMPORAL_PORT),
        "--ui-port", String.valueOf(TEMPORAL_UI_PORT), "--namespace", NAMESPACE, "--log-level", "warn",
        // the UI decodes payloads through infra's codec endpoint (the dev kit's, open to the UI's origin)
        "--ui-codec-endpoint", infraUrl() + TemporalCodecController.PATH));
    command.addAll(DevServerTuning.ARGS);
    for (String line : Files.readAllLines(root.resolve("temporal-dev/search-attributes"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        command.add("--search-attribute");
        command.add(line.trim());
      }
    }
    return command;
  }

  private List<String> java(Path target, String prefix, String heap, String... args) throws IOException {
    Path jar;
    try (Stream<Path> files = Files.list(target)) {
      // the newest: a jar of an earlier version left in target/ is not what this build tests
      jar = files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith("-exec.jar"))
          .max(Comparator.comparing(f -> f.toFile().lastModified()))
          .orElseThrow(() -> new IllegalStateException("no " + prefix + "*-exec.jar in " + target
              + ": build it first (mvn -pl devkit -am verify packages it before the integration tests)"));
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        heap, "-Djava.io.tmpdir=" + dir.resolve("tmp"), "-jar", jar.toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** The Temporal CLI: on the PATH, in $GOPATH/bin or ~/go/bin; the suite fails without it. */
  static Path temporalCli() {
    List<Path> candidates = new ArrayList<>();
    for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
      candidates.add(Path.of(entry, "temporal"));
    }
    String gopath = System.getenv("GOPATH");
    if (gopath != null) {
      candidates.add(Path.of(gopath, "bin", "temporal"));
    }
    candidates.add(Path.of(System.getProperty("user.home"), "go", "bin", "temporal"));
    return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException(
        "the end-to-end suite needs the Temporal CLI (temporal) on the PATH or in $(go env GOPATH)/bin; install it with: "
            + CLI_INSTALL + " (or run ./test.sh, which installs it)"));
  }

  private boolean temporalHealthy(Path cli) {
    try {
      Process check = new ProcessBuilder(cli.toString(), "operator", "cluster", "health",
          "--address", "localhost:" + TEMPORAL_PORT).redirectErrorStream(true).start();
      check.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return check.waitFor(10, TimeUnit.SECONDS) && check.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Restarts the dev server on the same SQLite file and ports. */
  void startTemporal() {
    temporal.start();
  }

  static boolean healthy(int port) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
          .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void requireFree(int port) {
    try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(port));
    } catch (IOException e) {
      throw new IllegalStateException("port " + port + " is in use: the end-to-end suite needs it (a leftover process?)", e);
    }
  }

  private static int postgresPort(Path log) throws IOException {
    Matcher matcher = POSTGRES_PORT.matcher(Files.readString(log));
    if (!matcher.find()) {
      throw new IllegalStateException("infra did not log its PostgreSQL port; see " + log);
    }
    return Integer.parseInt(matcher.group(1));
  }
}
