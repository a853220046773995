package dev.herald.api.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import static org.awaitility.Awaitility.await;

import dev.herald.activities.email.EmailSender;
import dev.herald.api.HeraldIntegrationTest;
import dev.herald.activities.email.EmailMessage;
import dev.herald.activities.apikey.ApiKeys;
import dev.herald.api.security.BearerAuthentication;
import dev.herald.api.security.SecurityProperties;
import dev.herald.api.security.VerifiedKeys;
import dev.herald.worker.encryption.EncryptionCodec;
import dev.herald.worker.temporal.TemporalProperties;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.notification.NotificationIds;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleFunction;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Herald's benchmarks on the embedded default (or on the Temporal server named by
 * {@code TEMPORAL_ADDRESS}), each Herald figure next to what bounds it, measured in the same run:
 * the SMTP sink's ceiling, a bare Temporal workflow's ceiling, and a baseline without Temporal.
 * Not a test: it asserts nothing about speed and runs only with {@code -Dherald.bench=true}
 * (see {@code bench/run.sh}); it prints a table.
 */
@EnabledIfSystemProperty(named = "herald.bench", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeraldBenchmarks extends HeraldIntegrationTest {

  private static final Logger log = LoggerFactory.getLogger(HeraldBenchmarks.class);

  private static final int COUNT = Integer.getInteger("herald.bench.count", 2_000);
  private static final int API_RATE = Integer.getInteger("herald.bench.api-rate", 200);
  private static final Duration API_DURATION = Duration.ofSeconds(Integer.getInteger("herald.bench.api-seconds", 15));
  private static final Duration OVERLOAD = Duration.ofSeconds(Integer.getInteger("herald.bench.overload-seconds", 30));
  private static final int BROADCAST = Integer.getInteger("herald.bench.broadcast", 10_000);
  private static final int ATTACHMENT_BROADCAST = Integer.getInteger("herald.bench.attachment-broadcast", 10_000);
  private static final int ATTACHMENT_MB = Integer.getInteger("herald.bench.attachment-mb", 1);
  /** LOW notifications flooded in before the HIGH ones of the priority row. */
  private static final int FLOOD = Integer.getInteger("herald.bench.flood", 20_000);
  /** Notifications measured against a flood or a broadcast, and idle: sent at {@link #PROBE_RATE} a second. */
  private static final int PROBES = Integer.getInteger("herald.bench.probes", 100);
  private static final double PROBE_RATE = 20;
  /** Above it a broadcast measures the dev kit's GreenMail (a mailbox per recipient, found by a linear scan). */
  private static final int GREENMAIL_BROADCAST_LIMIT = 20_000;
  private static final String BASELINE_TOPIC = "bench.baseline";
  private static final int MAILBOXES = 100;
  /** Runs before the Temporal ceiling and Herald's single sends, not measured: both compared with their JIT warm. */
  private static final int WARM_UP = Math.max(100, COUNT / 4);
  private static final int ROUNDS = Integer.getInteger("herald.bench.rounds", 3);
  private static final Map<String, String> results = new LinkedHashMap<>();
  private static double smtpCeiling;
  private static final String BARE_CEILING = "ceiling: bare Temporal workflow, 1 trivial activity, 200 in flight";
  private static double temporalCeiling;
  private static double shapeCeiling;
  private static Latencies heraldLatencies;
  private static double temporalWithSinkCeiling;
  private static double heraldRate;
  private static double baselineRate;

  @Autowired private WorkflowClient client;
  @Autowired private EmailSender email;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private ProducerFactory<String, String> producers;
  @Autowired private KafkaAdmin kafkaAdmin;
  @Value("${herald.kafka.requests-topic}") private String requestsTopic;
  @Value("${herald.kafka.partitions}") private int partitions;
  @Autowired private WorkflowServiceStubs stubs;
  @Autowired private TemporalProperties temporal;
  @Autowired private DataConverter dataConverter;
  @Autowired private EncryptionCodec codec;
  @Autowired private ApiKeys apiKeys;
  @Autowired private VerifiedKeys verifiedKeys;
  @Autowired private SecurityProperties security;
  /** The API's chain (the console has its own). */
  @Autowired @Qualifier("api") private SecurityFilterChain securityChain;

  @Test
  @Order(1)
  void smtpSinkCeiling() throws InterruptedException {
    String run = run();
    smtpCeiling = sinkCeiling(COUNT, i -> mailbox(run + "-" + i));
    results.put("ceiling: SMTP sink, Herald's pooled sender, 8 threads, " + MAILBOXES + " recipients",
        String.format("%.0f mails/s", smtpCeiling));
  }

  /** Mails/s of {@code count} small mails sent from 8 threads with Herald's pooled sender, the i-th to {@code to(i)}. */
  private double sinkCeiling(int count, IntFunction<String> to) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch done = new CountDownLatch(count);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      String address = to.apply(i);
      pool.execute(() -> {
        try {
          email.send(new EmailMessage(address, "ceiling", address, "ceiling", "hello", null, null));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        } finally {
          done.countDown();
        }
      });
    }
    done.await(10, TimeUnit.MINUTES);
    double rate = count / seconds(start);
    pool.shutdown();
    return rate;
  }

  @Test
  @Order(2)
  void bareTemporalCeiling() throws InterruptedException {
    BareTemporal.workflowsPerSecond(client, WARM_UP, 200);
    temporalCeiling = BareTemporal.workflowsPerSecond(client, COUNT, 200);
    results.put(BARE_CEILING, String.format("%.0f workflows/s", temporalCeiling));
  }

  /** Temporal plus the provider, without Herald's bookkeeping: how much of a single send is the sink's own cost. */
  @Test
  @Order(3)
  void bareTemporalWithTheSameEmailCeiling() throws InterruptedException {
    temporalWithSinkCeiling = BareTemporal.workflowsPerSecond(client, COUNT, 200, input -> {
      try {
        email.send(new EmailMessage(input, input, mailbox(input), "bench", "Hello from Herald", null, null));
        return input;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    results.put("ceiling: the same bare workflow whose activity sends the email Herald sends (Temporal + sink)",
        String.format("%.0f workflows/s", temporalWithSinkCeiling));
  }

  @Test
  @Order(4)
  void singleNotificationsFromKafkaToTheSink() {
    String warmUp = run();
    awaitDelivered(warmUp, produce(requestsTopic, warmUp, WARM_UP, 0, new ConcurrentHashMap<>()));
    SingleSends sends = singleSends();
    heraldLatencies = sends.latencies();
    heraldRate = sends.perSecond();
    putSingleSends();
  }

  /** A run of single sends: notifications/s from the first produced to the last SENT, and each one's time to SENT. */
  private record SingleSends(double perSecond, Latencies latencies) {}

  /** {@link #COUNT} single email notifications at once through Kafka, until all are SENT. */
  private SingleSends singleSends() {
    String run = run();
    Map<String, Long> producedAt = produce(requestsTopic, run, COUNT, 0, new ConcurrentHashMap<>());
    Latencies latencies = awaitDelivered(run, producedAt);
    return new SingleSends(rate(producedAt, run), latencies);
  }

  /**
   * The bare ceiling again, JIT-warm from everything before it (in-process it rises with every run
   * in the same JVM: the test server is Java too), and Herald's workflow with no-op activities
   * ({@link WorkflowShape}): how much of a single send's cost is Temporal's part of it.
   */
  @Test
  @Order(5)
  void ceilingsAfterTheSingleSends() throws InterruptedException {
    double before = temporalCeiling;
    double after = BareTemporal.workflowsPerSecond(client, COUNT, 200);
    temporalCeiling = Math.max(before, after);
    results.put(BARE_CEILING, String.format("%.0f workflows/s (before Herald's single sends %.0f, after %.0f)",
        temporalCeiling, before, after));
    WorkflowShape.workflowsPerSecond(client, WARM_UP, 200, mailbox("shape-warm-up"));
    CpuMeter cpu = CpuMeter.start();
    shapeCeiling = WorkflowShape.workflowsPerSecond(client, COUNT, 200, mailbox("shape"));
    results.put("ceiling: Herald's single-send workflow, its Temporal calls alone (no-op activities, no Kafka,"
        + " PostgreSQL or SMTP)", String.format("%.0f workflows/s (%.0f%% of bare Temporal); %s per workflow", shapeCeiling,
        100 * shapeCeiling / temporalCeiling, cpu.perItem(COUNT)));
    putSingleSends();
  }

  /**
   * Single sends and the bare ceiling in alternating rounds (bare, Herald, bare, ..., Herald, bare), each
   * Herald round divided by the mean of the bare rounds either side of it, and the median of those
   * ratios. One measurement of each moves by ±10% on the dev server (the bare ceiling alone, measured
   * twice a few minutes apart, by as much); alternating puts both under the same drift, the JIT's
   * in-process included, and the median keeps one outlying round from deciding.
   */
  @Test
  @Order(6)
  void singleSendsAgainstBareTemporalInAlternatingRounds() throws InterruptedException {
    List<Measured> bare = new ArrayList<>(List.of(bareRound()));
    List<Measured> herald = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      herald.add(singleSendsRound());
      bare.add(bareRound());
      ratios.add(herald.get(round).perSecond() / ((bare.get(round).perSecond() + bare.get(round + 1).perSecond()) / 2));
    }
    results.put(String.format("Herald's single sends / bare Temporal, %d alternating rounds (each Herald round against"
        + " the mean of the bare rounds either side)", ROUNDS), String.format(
        "median %.0f%%; rounds %s; bare %s workflows/s, Herald %s notifications/s; per item: bare %s, Herald %s",
        100 * median(ratios), joined(ratios, r -> String.format("%.0f%%", 100 * r)),
        joined(bare.stream().map(Measured::perSecond).toList(), r -> String.format("%.0f", r)),
        joined(herald.stream().map(Measured::perSecond).toList(), r -> String.format("%.0f", r)),
        CpuMeter.Cpu.mean(bare.stream().map(Measured::cpu).toList()),
        CpuMeter.Cpu.mean(herald.stream().map(Measured::cpu).toList())));
  }

  /** A row's items per second and the CPU each took. */
  private record Measured(double perSecond, CpuMeter.Cpu cpu) {}

  private Measured bareRound() throws InterruptedException {
    CpuMeter cpu = CpuMeter.start();
    double rate = BareTemporal.workflowsPerSecond(client, COUNT, 200);
    return new Measured(rate, cpu.perItem(COUNT));
  }

  private Measured singleSendsRound() {
    CpuMeter cpu = CpuMeter.start();
    double rate = singleSends().perSecond();
    return new Measured(rate, cpu.perItem(COUNT));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static String joined(List<Double> values, DoubleFunction<String> format) {
    return String.join(", ", values.stream().map(format::apply).toList());
  }

  private void putSingleSends() {
    String ofShape = shapeCeiling == 0 ? "" : String.format(", %.0f%% of its Temporal calls alone",
        100 * heraldRate / shapeCeiling);
    // a row group run alone may not have measured the ceiling with the sink
    String ofSink = temporalWithSinkCeiling == 0 ? "" : String.format(", %.0f%% of Temporal + sink",
        100 * heraldRate / temporalWithSinkCeiling);
    results.put("Herald: single email notifications, Kafka -> SENT in the log", String.format(
        "%.0f notifications/s (%.0f%% of bare Temporal%s%s), %s", heraldRate,
        100 * heraldRate / temporalCeiling, ofShape, ofSink, heraldLatencies));
  }

  @Test
  @Order(7)
  void baselineWithoutTemporal() throws Exception {
    try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
      admin.createTopics(List.of(new NewTopic(BASELINE_TOPIC, partitions, (short) 1))).all().get();
    }
    String run = run();
    Latencies latencies = new Latencies();
    AtomicInteger sent = new AtomicInteger();
    Map<String, Long> producedAt = new ConcurrentHashMap<>();
    List<Thread> consumers = new ArrayList<>();
    long[] lastSent = new long[1];
    for (int i = 0; i < partitions; i++) {
      Thread consumer = new Thread(() -> consume(run, producedAt, latencies, sent, lastSent), "bench-baseline-" + i);
      consumer.start();
      consumers.add(consumer);
    }
    long start = System.currentTimeMillis();
    CpuMeter cpu = CpuMeter.start();
    produce(BASELINE_TOPIC, run, COUNT, 0, producedAt);
    await().atMost(Duration.ofMinutes(10)).until(() -> sent.get() >= COUNT);
    CpuMeter.Cpu used = cpu.perItem(COUNT);
    consumers.forEach(Thread::interrupt);
    baselineRate = COUNT / ((lastSent[0] - start) / 1000.0);
    results.put("baseline: Kafka consumer per partition -> the same sender, no Temporal", String.format(
        "%.0f notifications/s, %s; Herald/baseline = %.2f; %s per notification", baselineRate, latencies,
        heraldRate / baselineRate, used));
  }

  /**
   * The API's accept latency (POST to 202: validated and its workflow started), open loop, at two rates:
   * half of Herald's measured single-send rate, where it is the API's own latency, and {@link #API_RATE},
   * which on a slow server is more than it can start, where it is mostly the queue in front of the
   * server (each request's latency counts from when it was due, not from when it was sent).
   */
  @Test
  @Order(8)
  void apiAcceptLatencyAtFixedRates() throws InterruptedException {
    double half = heraldRate > 0 ? heraldRate / 2 : API_RATE / 2.0;
    accepts(half, WARM_UP / 4); // the HTTP path's JIT, not measured
    if (heraldRate > 0) {
      putAccepts(half, " (half of Herald's single-send rate)");
    }
    putAccepts(API_RATE, "");
  }

  private void putAccepts(double rate, String why) throws InterruptedException {
    Accepts accepts = accepts(rate, (int) (rate * API_DURATION.toSeconds()));
    results.put(String.format("API accept latency, open loop at %.0f requests/s%s for %d s", rate, why,
        API_DURATION.toSeconds()), accepts.latencies() + ", not 202: " + accepts.refused());
  }

  /** What {@link #accepts} measured: each request's latency from when it was due, and how many were not a 202. */
  private record Accepts(Latencies latencies, int refused) {}

  /** {@code total} POSTs of a new notification at {@code rate} per second, each sent when due whatever the answers (open loop). */
  private Accepts accepts(double rate, int total) throws InterruptedException {
    String run = run();
    ExecutorService answers = Executors.newFixedThreadPool(16);
    HttpClient http = HttpClient.newBuilder().executor(answers).build();
    Latencies latencies = new Latencies();
    AtomicInteger refused = new AtomicInteger();
    CountDownLatch answered = new CountDownLatch(total);
    double interval = 1_000_000_000.0 / rate;
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long intended = start + (long) (i * interval);
      LockSupport.parkNanos(intended - System.nanoTime());
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/notifications"))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + ADMIN_KEY)
          .POST(HttpRequest.BodyPublishers.ofString(request(run + "-" + i))).build();
      http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
        latencies.record(Duration.ofNanos(System.nanoTime() - intended));
        if (failure != null || response.statusCode() != 202) {
          refused.incrementAndGet();
        }
        answered.countDown();
      });
    }
    answered.await(5, TimeUnit.MINUTES);
    answers.shutdown();
    return new Accepts(latencies, refused.get());
  }

  @Test
  @Order(9)
  void overloadAtTwiceTheMeasuredRate() {
    String run = run();
    double offered = 2 * heraldRate;
    int total = (int) (offered * OVERLOAD.toSeconds());
    Map<String, Long> producedAt = produce(requestsTopic, run, total, offered, new ConcurrentHashMap<>());
    Latencies latencies = awaitDelivered(run, producedAt);
    results.put(String.format("overload: %.0f notifications/s offered for %d s (2x)", offered, OVERLOAD.toSeconds()),
        String.format("time to delivery %s; p99/p50 = %.1f; delivered %d of %d", latencies,
            latencies.p99Ms() / Math.max(0.001, latencies.p50Ms()), latencies.count(), total));
  }

  /**
   * A broadcast to a group of {@link #BROADCAST} members, from the approval to COMPLETED (the server's
   * own timestamps), against the SMTP ceiling for that mail: as many messages to as many distinct
   * recipients (not the broadcast's), from 8 threads (a batch window's worth), measured right before
   * and right after; the higher counts. (GreenMail slows down with every new mailbox, so whatever runs
   * later pays for the ones before: the ceiling before is the fair one there; against an external sink
   * the one after, with the sender's JIT warm.)
   */
  @Test
  @Order(10)
  void broadcastToAGroupAgainstTheSinkCeiling() throws InterruptedException {
    String run = run();
    double before = sinkCeiling(BROADCAST, i -> run + "-before-" + i + "@broadcast.example");
    String id = groupBroadcast(run, BROADCAST);
    ApprovedBroadcast timed = approveAndAwait(id, BROADCAST);

    double after = sinkCeiling(BROADCAST, i -> run + "-after-" + i + "@broadcast.example");
    double ceiling = Math.max(before, after);
    results.put(String.format("ceiling: SMTP sink, Herald's pooled sender, 8 threads, %d distinct recipients", BROADCAST),
        String.format("%.0f mails/s (before the broadcast %.0f, after %.0f)", ceiling, before, after));
    results.put(String.format("Herald: broadcast of one email to a group of %d, approval -> COMPLETED", BROADCAST),
        String.format("%s (%.0f%% of the sink ceiling to as many recipients); peak heap %d MB (api, workers and this "
            + "harness in one JVM; sum of the heap pools' peaks)", timed, 100 * timed.rate() / ceiling,
            timed.peakHeapMb()));
  }

  /** A broadcast from its approval to COMPLETED, by the server's own timestamps, and the JVM's peak heap meanwhile. */
  private record ApprovedBroadcast(int members, double seconds, double snapshotSeconds, long peakHeapMb) {
    double rate() {
      return members / seconds;
    }

    @Override
    public String toString() {
      return String.format("%.2f s (audience snapshot %.2f s, sending %.2f s), %.0f recipients/s", seconds,
          snapshotSeconds, seconds - snapshotSeconds, rate());
    }
  }

  private ApprovedBroadcast approveAndAwait(String id, int members) {
    await().atMost(Duration.ofMinutes(1)).until(() -> "PENDING_APPROVAL".equals(status(id)));
    approverKey();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    succeeded(approve(id, "{\"decision\":\"APPROVE\"}"));
    // polled in the delivery log, not through the API: its detail view lists up to 1,000 deliveries, and
    // reading it every second (server and client both in this JVM) took 13% of the JVM's CPU samples
    // during a 100k broadcast, which then ran ~20% slower
    await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1)).until(() -> "COMPLETED".equals(
        jdbc.queryForObject("select status from notification where id = ?", String.class, id)));
    long peakHeapMb = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
    double seconds = jdbc.queryForObject("""
        select extract(epoch from updated_at - decided_at) from notification where id = ?""", Double.class, id);
    // the audience snapshot ends before the first batch claims its deliveries
    double snapshotSeconds = jdbc.queryForObject("""
        select extract(epoch from (select min(claimed_at) from delivery where notification_id = n.id) - n.decided_at)
        from notification n where n.id = ?""", Double.class, id);
    return new ApprovedBroadcast(members, seconds, snapshotSeconds, peakHeapMb);
  }

  /**
   * The same broadcast of {@link #ATTACHMENT_BROADCAST} members twice, without and then with an attachment of
   * {@link #ATTACHMENT_MB} MB: each mail streams it from the blob store into its MIME message (base64), so the
   * row shows what that costs in time, and that memory does not grow with it. Needs an external sink: GreenMail
   * would keep every mail in this JVM's heap.
   */
  @Test
  @Order(15)
  void broadcastWithAnAttachmentBesideTheSameWithout() {
    String row = String.format("Herald: broadcast of one email to a group of %d without and with a %d MB attachment,"
        + " approval -> COMPLETED", ATTACHMENT_BROADCAST, ATTACHMENT_MB);
    if (System.getenv("SMTP_HOST") == null) {
      results.put(row, "not run: needs an external SMTP sink (SMTP_HOST; GreenMail would hold every mail in the heap)");
      return;
    }
    String plainRun = run();
    ApprovedBroadcast plain = approveAndAwait(groupBroadcast(plainRun, ATTACHMENT_BROADCAST, List.of()),
        ATTACHMENT_BROADCAST);
    byte[] file = new byte[ATTACHMENT_MB << 20];
    new Random(7).nextBytes(file);
    byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(header, 0, file, 0, header.length);
    String attachment = (String) succeeded(http(senderKey("bench")).post().uri("/api/v1/attachments?filename=bench.pdf")
        .contentType(MediaType.APPLICATION_PDF).body(file).retrieve()
        .toEntity(new ParameterizedTypeReference<Map<String, Object>>() {})).get("id");
    String withRun = run();
    ApprovedBroadcast with = approveAndAwait(groupBroadcast(withRun, ATTACHMENT_BROADCAST, List.of(attachment)),
        ATTACHMENT_BROADCAST);
    results.put(row, String.format("without: %s, peak heap %d MB; with: %s, peak heap %d MB (%.0f MB/s of attachment"
        + " mailed)", plain, plain.peakHeapMb(), with, with.peakHeapMb(), with.rate() * ATTACHMENT_MB));
  }

  /**
   * What authentication and encryption cost per request (issue 18), on the running app's own parts
   * ({@link PerCall}): the bearer filter with an API key remembered and with one it must verify
   * against the store, with a recipient token, and with no credential; Temporal's payload converter
   * with and without Herald's codec on a single send's workflow input and a broadcast's batch request,
   * both taken from this run's history (which shows that the workers encrypt); and the accept latency
   * of a request whose key is remembered against one whose key is not. No path without a key accepts
   * a notification, so there is no request without one to set against them end to end.
   */
  @Test
  @Order(11)
  void authenticationAndEncryptionPerRequest() throws Exception {
    String run = run();
    String single = (String) succeeded(post("/api/v1/notifications", request(run + "-single"))).get("id");
    // two members: under the harness's approval threshold, so it sends at once
    String broadcast = groupBroadcast(run + "-group", 2);
    for (String id : List.of(single, broadcast)) {
      await().atMost(Duration.ofMinutes(1)).until(() -> "COMPLETED".equals(
          jdbc.queryForObject("select status from notification where id = ?", String.class, id)));
    }
    PayloadCosts payloads = new PayloadCosts(stubs, temporal.namespace(), dataConverter, codec);
    for (var row : List.of(
        payloads.row("a single email notification's workflow input", single, PayloadCosts.WORKFLOW_INPUT,
            NotificationSpec.class),
        payloads.row("a broadcast's batch request (2 members, a template)", broadcast, PayloadCosts.BATCH_REQUEST,
            BatchRequest.class))) {
      results.put(row.getKey(), row.getValue());
    }

    String key = senderKey("bench");
    long keyId = apiKeys.verify(key).orElseThrow().id();
    String token = recipientToken(run + "-reader");
    BearerAuthentication door = new BearerAuthentication(securityChain);
    List<PerCall.Figures> doors = PerCall.alternately(100, 200, 1_000, calls -> requests(door, key, calls),
        calls -> requests(door, token, calls), calls -> requests(door, null, calls));
    putDoor("an API key remembered (SHA-256 of the key, then memory, for the key-cache-ttl of "
        + security.keyCacheTtl().toSeconds() + " s)", doors.get(0));
    putDoor("an API key not remembered (its row read by prefix, SHA-256, a constant-time comparison; then remembered)",
        PerCall.measure(500, 2_000, 1, calls -> {
          verifiedKeys.forget(keyId);
          return requests(door, key, calls);
        }));
    putDoor("a recipient token (HMAC-SHA256, its expiry)", doors.get(1));
    putDoor("no credential (passed on to the rules, which answer 401)", doors.get(2));

    putAcceptsWithAKeyRememberedOrNot(run, key, keyId, 300);
  }

  private static IntConsumer requests(BearerAuthentication door, String credential, int calls) {
    Runnable[] requests = new Runnable[calls];
    Arrays.setAll(requests, i -> door.request(credential));
    return i -> requests[i].run();
  }

  private void putDoor(String credential, PerCall.Figures figures) {
    results.put("per request: authentication (BearerFilter), " + credential,
        figures + " (" + figures.how() + " after warm-up)");
  }

  /**
   * {@code each} POSTs of a new notification with a key remembered and as many with the key forgotten
   * just before (its row read again), alternating, one at a time, each once the notification before it
   * has completed (so no send runs beside it): the accept latency of each kind.
   */
  private void putAcceptsWithAKeyRememberedOrNot(String run, String key, long keyId, int each) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Latencies remembered = new Latencies();
    Latencies verified = new Latencies();
    int warmUp = 50;
    for (int i = 0; i < warmUp + 2 * each; i++) {
      boolean forget = i % 2 == 1;
      if (forget) {
        verifiedKeys.forget(keyId);
      }
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/notifications"))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
          .POST(HttpRequest.BodyPublishers.ofString(request(run + "-accept-" + i))).build();
      long start = System.nanoTime();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      if (status != 202) {
        throw new IllegalStateException("a request with a sender key was answered " + status);
      }
      if (i >= warmUp) {
        (forget ? verified : remembered).record(took);
      }
      String id = NotificationIds.of("bench", run + "-accept-" + i);
      await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5)).until(() -> "COMPLETED".equals(
          jdbc.queryForList("select status from notification where id = ?", String.class, id).stream().findFirst()
              .orElse(null)));
    }
    results.put(String.format("API accept latency, one request at a time, %d with the key remembered and %d with it"
        + " read from the store, alternating, nothing else running", each, each), String.format("remembered %s; read %s", remembered, verified));
  }

  /**
   * Imports {@code size} recipients, puts them in a new group, publishes a template greeting each by
   * name and sends one email to the group from it: the notification's id.
   */
  private String groupBroadcast(String run, int size) {
    return groupBroadcast(run, size, List.of());
  }

  /** The same, with these attachments (ids of the sender "bench"). */
  private String groupBroadcast(String run, int size, List<String> attachments) {
    if (size > GREENMAIL_BROADCAST_LIMIT && System.getenv("SMTP_HOST") == null) {
      throw new IllegalStateException("a broadcast to " + size + " needs an external SMTP sink (SMTP_HOST, e.g. "
          + "smtp-sink; docs/benchmarks.md): the dev kit's GreenMail finds each new recipient's mailbox by a linear "
          + "scan, so it, not Herald, would set the pace");
    }
    StringBuilder members = new StringBuilder();
    List<String> ids = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      String id = run + "-" + i;
      ids.add("\"" + id + "\"");
      members.append("{\"id\":\"").append(id).append("\",\"name\":\"Member ").append(i)
          .append("\",\"email\":\"").append(id).append("@broadcast.example\"}\n");
    }
    // the sender "bench" owns the recipients and the group it broadcasts to; the admin key names it
    succeeded(http().post().uri("/api/v1/recipients/import?owner=bench")
        .contentType(MediaType.parseMediaType("application/x-ndjson"))
        .body(members.toString()).retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() {}));
    succeeded(post("/api/v1/groups?owner=bench", "{\"key\":\"" + run + "\",\"name\":\"Benchmark\"}"));
    for (int from = 0; from < size; from += 10_000) {
      List<String> chunk = ids.subList(from, Math.min(size, from + 10_000));
      succeeded(post("/api/v1/groups/" + run + "/members?owner=bench",
          "{\"recipientIds\":[" + String.join(",", chunk) + "]}"));
    }
    succeeded(post("/api/v1/templates", "{\"key\":\"" + run + "\",\"owner\":\"bench\"}"));
    succeeded(post("/api/v1/templates/" + run + "/versions", """
        {"defaults":{"email":{"subject":"Hello {{recipient.name}}","text":"Hi {{recipient.name}}, this is a benchmark."}}}"""));
    succeeded(post("/api/v1/templates/" + run + "/versions/1/publish", ""));
    return (String) succeeded(post("/api/v1/notifications", "{\"idempotencyKey\":\"" + run + "\",\"channels\":[\"EMAIL\"],"
        + "\"group\":\"" + run + "\",\"template\":\"" + run + "\",\"sender\":\"bench\",\"attachments\":["
        + String.join(",", attachments.stream().map(a -> "\"" + a + "\"").toList()) + "]}")).get("id");
  }

  /**
   * {@link #PROBES} HIGH email notifications (Kafka, {@link #PROBE_RATE} a second) with the system idle,
   * then again while a flood of {@link #FLOOD} LOW ones published at once drains: each one's time from
   * produced to SENT in the log. Priority holds when the HIGH ones barely notice the flood.
   */
  @Test
  @Order(12)
  void highPriorityDuringAFloodOfLowOnes() {
    probes(Priority.HIGH, "bench"); // the path's JIT, not measured: idle is the first row run alone
    StringBuilder idleStages = new StringBuilder();
    StringBuilder duringStages = new StringBuilder();
    Latencies idle = probes(Priority.HIGH, "bench", idleStages);
    String flood = run();
    long floodStart = System.currentTimeMillis();
    Map<String, Long> flooded = produce(requestsTopic, flood, FLOOD, 0, new ConcurrentHashMap<>(), "bench", Priority.LOW);
    SentCount floodSent = new SentCount(jdbc, "bench", flooded.keySet());
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
        .until(() -> floodSent.sent() >= Math.min(FLOOD / 20, 500));
    Latencies during = probes(Priority.HIGH, "bench", duringStages);
    int floodSentWhileProbing = floodSent.sent();
    Latencies floodLatencies = awaitDelivered(flood, floodSent, flooded);
    results.put(String.format("priority: %d HIGH emails at %.0f/s while %d LOW ones (published at once) drain, "
        + "Kafka -> SENT", PROBES, PROBE_RATE, FLOOD), String.format("during %s; idle %s; p99 during/idle = %.1f "
        + "(target <= 2); the flood: %d of it sent when the HIGH ones were, drained in %.0f s, %s", during, idle,
        during.p99Ms() / Math.max(0.001, idle.p99Ms()), floodSentWhileProbing,
        (System.currentTimeMillis() - floodStart) / 1000.0, floodLatencies));
    results.put(String.format("priority: where the %d HIGH emails' time went", PROBES),
        String.format("during the flood: %s; idle: %s", duringStages, idleStages));
  }

  /**
   * Fairness between senders: sender B's {@link #PROBES} NORMAL emails with the system idle, then while
   * sender A's broadcast to a group of {@link #BROADCAST} members (NORMAL too) sends.
   */
  @Test
  @Order(13)
  void anotherSendersSendsDuringABroadcast() {
    StringBuilder idleStages = new StringBuilder();
    StringBuilder duringStages = new StringBuilder();
    Latencies idle = probes(Priority.NORMAL, "bench-b", idleStages);
    String run = run();
    String id = groupBroadcast(run, BROADCAST);
    await().atMost(Duration.ofMinutes(1)).until(() -> "PENDING_APPROVAL".equals(status(id)));
    approverKey();
    succeeded(approve(id, "{\"decision\":\"APPROVE\"}"));
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
        "select count(*) from delivery where notification_id = ? and status = 'SENT'", Integer.class, id) > 0);
    Latencies during = probes(Priority.NORMAL, "bench-b", duringStages);
    String statusAfter = jdbc.queryForObject("select status from notification where id = ?", String.class, id);
    await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1)).until(() -> "COMPLETED".equals(
        jdbc.queryForObject("select status from notification where id = ?", String.class, id)));
    results.put(String.format("fairness: sender B's %d NORMAL emails at %.0f/s during sender A's broadcast to %d, "
        + "Kafka -> SENT", PROBES, PROBE_RATE, BROADCAST), String.format("during %s; idle %s; p99 during/idle = %.1f "
        + "(target <= 2); the broadcast was %s when B's were sent", during, idle,
        during.p99Ms() / Math.max(0.001, idle.p99Ms()), statusAfter));
    results.put(String.format("fairness: where sender B's %d NORMAL emails' time went", PROBES),
        String.format("during the broadcast: %s; idle: %s", duringStages, idleStages));
  }

  /**
   * End to end, open loop: single emails POSTed at half of Herald's single-send rate, each one's time
   * from when its request was due to SENT in the log (accepted -> provider accepted, plus the accept).
   * Then Herald's workflow shape ({@link WorkflowShape}, no-op activities) at the same rate with and
   * without Temporal's eager workflow start (the first workflow task comes back with the start when
   * the starting process hosts a worker for the queue): start due -> result.
   */
  @Test
  @Order(14)
  void endToEndLatencyOpenLoopAtHalfTheSingleSendRate() throws InterruptedException {
    double half = heraldRate > 0 ? heraldRate / 2 : API_RATE / 2.0;
    int total = (int) (half * API_DURATION.toSeconds());
    String run = run();
    Map<String, Long> dueAt = new ConcurrentHashMap<>();
    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
    long start = System.nanoTime();
    long startMillis = System.currentTimeMillis();
    for (int i = 0; i < total; i++) {
      long due = (long) (i * 1e9 / half);
      LockSupport.parkNanos(start + due - System.nanoTime());
      String key = run + "-" + i;
      dueAt.put(key, startMillis + due / 1_000_000);
      http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/notifications"))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + ADMIN_KEY)
          .POST(HttpRequest.BodyPublishers.ofString(request(key))).build(), HttpResponse.BodyHandlers.discarding());
    }
    Latencies herald = awaitDelivered(run, dueAt);
    String to = mailbox("eager");
    WorkflowShape.openLoop(client, half, WARM_UP / 4, to, false);
    Latencies plain = WorkflowShape.openLoop(client, half, total, to, false);
    Latencies eager = WorkflowShape.openLoop(client, half, total, to, true);
    results.put(String.format("end to end, open loop at %.0f emails/s (half of Herald's single-send rate) for %d s: "
        + "POST due -> SENT in the log", half, API_DURATION.toSeconds()), herald + " (target p99 <= 250 ms in-process)");
    results.put(String.format("eager workflow start: Herald's workflow shape (no-op activities), open loop at %.0f/s,"
        + " start due -> result, %d started each", half, total), String.format("eager %s; not eager %s", eager, plain));
  }

  /** {@link #PROBES} emails from {@code sender} at {@code priority} through Kafka at {@link #PROBE_RATE}/s: time to SENT. */
  private Latencies probes(Priority priority, String sender) {
    return probes(priority, sender, new StringBuilder());
  }

  /** The same, with where their time went written to {@code stages} ({@link StageTimes}). */
  private Latencies probes(Priority priority, String sender, StringBuilder stages) {
    String run = run();
    CpuMeter cpu = CpuMeter.start();
    Map<String, Long> threadsBefore = CpuMeter.threadsMs();
    Map<String, Long> processesBefore = CpuMeter.processesMs();
    long[] gcBefore = gc();
    Map<String, Long> producedAt = produce(requestsTopic, run, PROBES, PROBE_RATE, new ConcurrentHashMap<>(), sender,
        priority);
    CpuMeter.Cpu perSecond = cpu.perItem((int) Math.round(PROBES / PROBE_RATE));
    long[] gcAfter = gc();
    Map<String, Long> threadsAfter = CpuMeter.threadsMs();
    Map<String, Long> processesAfter = CpuMeter.processesMs();
    Latencies latencies = awaitDelivered(run, new SentCount(jdbc, sender, producedAt.keySet()), producedAt);
    stages.append(new StageTimes(stubs, temporal.namespace(), jdbc).of(run, producedAt)).append(String.format(
        "; while they were produced, per second: %s; in all: %d collections taking %d ms, this JVM's busiest threads %s",
        perSecond, gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1], CpuMeter.busiest(threadsBefore,
        threadsAfter, UnaryOperator.identity()) + "; the busiest processes " + CpuMeter.busiest(processesBefore,
        processesAfter, CpuMeter::process)));
    return latencies;
  }

  /** This JVM's garbage collections so far: how many, and their time in ms. */
  private static long[] gc() {
    long[] total = new long[2];
    ManagementFactory.getGarbageCollectorMXBeans().forEach(collector -> {
      total[0] += Math.max(0, collector.getCollectionCount());
      total[1] += Math.max(0, collector.getCollectionTime());
    });
    return total;
  }

  @AfterAll
  static void print() {
    String server = System.getenv("TEMPORAL_ADDRESS") == null ? "in-process test server"
        : "Temporal at " + System.getenv("TEMPORAL_ADDRESS");
    StringBuilder table = new StringBuilder("\n## Herald benchmarks (" + server + ", " + COUNT + " per run, "
        + Runtime.getRuntime().availableProcessors() + " cores)\n\n| what | result |\n|---|---|\n");
    results.forEach((what, result) -> table.append("| ").append(what).append(" | ").append(result).append(" |\n"));
    log.info("{}", table);
  }

  /** Sends {@code count} requests to {@code topic} at {@code perSecond} (0: at once), noting when each went. */
  private Map<String, Long> produce(String topic, String run, int count, double perSecond, Map<String, Long> producedAt) {
    return produce(topic, run, count, perSecond, producedAt, "bench", null);
  }

  /** As above, from {@code sender} at {@code priority} (named in the body and the lane header), or the default when null. */
  private Map<String, Long> produce(String topic, String run, int count, double perSecond, Map<String, Long> producedAt,
      String sender, Priority priority) {
    long start = System.nanoTime();
    try (Producer<String, String> producer = producers.createProducer()) {
      for (int i = 0; i < count; i++) {
        if (perSecond > 0) {
          LockSupport.parkNanos(start + (long) (i * 1e9 / perSecond) - System.nanoTime());
        }
        String key = run + "-" + i;
        producedAt.put(key, System.currentTimeMillis());
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, request(key, sender, priority));
        if (priority != null) {
          record.headers().add("herald-priority", priority.name().getBytes(StandardCharsets.UTF_8));
        }
        producer.send(record);
      }
      producer.flush();
    }
    return producedAt;
  }

  private Latencies awaitDelivered(String run, Map<String, Long> producedAt) {
    return awaitDelivered(run, new SentCount(jdbc, "bench", producedAt.keySet()), producedAt);
  }

  /** As above, counting with {@code sent} ({@link SentCount}, of the same keys). */
  private Latencies awaitDelivered(String run, SentCount sent, Map<String, Long> producedAt) {
    await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(250)).until(() -> sent.sent() >= sent.total());
    Latencies latencies = new Latencies();
    jdbc.query("""
        select n.idempotency_key, d.updated_at from delivery d join notification n on n.id = d.notification_id
        where n.idempotency_key like ?""", row -> {
          long sentAt = row.getTimestamp("updated_at").getTime();
          latencies.record(Duration.ofMillis(sentAt - producedAt.get(row.getString("idempotency_key"))));
        }, run + "-%");
    return latencies;
  }

  private double rate(Map<String, Long> producedAt, String run) {
    long first = producedAt.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    Timestamp last = jdbc.queryForObject("""
        select max(d.updated_at) from delivery d join notification n on n.id = d.notification_id
        where n.idempotency_key like ?""", Timestamp.class, run + "-%");
    return producedAt.size() / ((last.getTime() - first) / 1000.0);
  }

  /** One baseline consumer: sends each of this run's requests as it comes, committing after each poll. */
  private void consume(String run, Map<String, Long> producedAt, Latencies latencies, AtomicInteger sent, long[] lastSent) {
    Map<String, Object> config = new LinkedHashMap<>(kafkaAdmin.getConfigurationProperties());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-baseline-" + run);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(BASELINE_TOPIC));
      while (!Thread.currentThread().isInterrupted()) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
          if (!record.key().startsWith(run)) {
            continue;
          }
          String to = mailbox(record.key());
          try {
            email.send(new EmailMessage(record.key(), record.key(), to, "bench", "Hello from Herald", null, null));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          long now = System.currentTimeMillis();
          synchronized (lastSent) {
            lastSent[0] = Math.max(lastSent[0], now);
          }
          latencies.record(Duration.ofMillis(now - producedAt.get(record.key())));
          sent.incrementAndGet();
        }
        consumer.commitSync();
      }
    } catch (org.apache.kafka.common.errors.InterruptException stopped) {
      Thread.currentThread().interrupt();
    }
  }

  private static String request(String key) {
    return request(key, "bench", null);
  }

  /** One email from {@code sender}; at {@code priority}, or the default when null. */
  private static String request(String key, String sender, Priority priority) {
    String at = priority == null ? "" : ",\"priority\":\"" + priority + "\"";
    return "{\"idempotencyKey\":\"" + key + "\",\"sender\":\"" + sender + "\",\"channels\":[\"EMAIL\"],"
        + "\"recipients\":[{\"email\":\"" + mailbox(key) + "\"}],\"subject\":\"bench\",\"body\":\"Hello from Herald\""
        + at + "}";
  }

  /**
   * The recipient of a message: one of {@value #MAILBOXES} addresses. GreenMail finds a recipient's
   * mailbox by a linear scan of all mailboxes, so distinct recipients would make every row slower
   * than the one before it; a fixed set keeps the sink's cost the same for all of them.
   */
  private static String mailbox(String key) {
    return "reader-" + Math.floorMod(key.hashCode(), MAILBOXES) + "@bench.example";
  }

  private static Map<String, Object> succeeded(ResponseEntity<Map<String, Object>> response) {
    if (!response.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException(response.getStatusCode() + ": " + response.getBody());
    }
    return response.getBody();
  }

  private String status(String id) {
    return (String) get("/api/v1/notifications/" + id).getBody().get("status");
  }

  private static String run() {
    return "bench-" + Long.toString(System.nanoTime(), 36);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
