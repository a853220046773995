package dev.herald.worker;

import com.google.protobuf.Empty;
import com.google.protobuf.Timestamp;
import dev.herald.activities.preference.PreferenceStore;
import dev.herald.activities.preference.QuietHoursSetting;
import io.temporal.api.testservice.v1.SleepUntilRequest;
import io.temporal.serviceclient.TestServiceStubs;
import io.temporal.serviceclient.TestServiceStubsOptions;
import java.time.LocalTime;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.herald.worker.encryption.PayloadKey;
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
import dev.herald.workflows.channel.ChannelActivities;
import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.notification.DeliveryPolicies;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.Arrays;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
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

  private static final String KEYS = PayloadKey.generate("standalone", new SecureRandom()).encoded();
  /** The unsubscribe links' keys, in the same id:base64 form: required with an SMTP server. */
  private static final String LINK_KEYS = PayloadKey.generate("links", new SecureRandom()).encoded();
  private static EmbeddedPostgres postgres;
  private static TestServer.PortBoundTestServer temporal;
  private static String temporalAddress;
  private static WorkflowServiceStubs stubs;
  private static ConfigurableApplicationContext worker;

  @BeforeAll
  static void startInfrastructureAndWorker() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    int temporalPort = freePort();
    temporal = TestServer.createPortBoundServer(temporalPort, false);
    String address = "localhost:" + temporalPort;
    temporalAddress = address;
    registerSearchAttributes(address);
    stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    worker = WorkerApplication.run(new String[0],
        "--herald.temporal.address=" + address,
        "--herald.temporal.encryption.keys=" + KEYS,
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres",
        "--herald.email.smtp.host=127.0.0.1",
        "--herald.email.smtp.port=" + smtp.getSmtp().getPort(),
        "--herald.public-url=https://herald.example.com",
        "--herald.preferences.links.keys=" + LINK_KEYS,
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
    String id = NotificationIds.of("test", "standalone-1");
    var spec = new NotificationSpec(id, "standalone-1", "test", List.of(Channel.EMAIL),
        List.of(Recipient.ofEmail("worker@example.com")), new Content("Standalone", "Hello"), Priority.NORMAL, null,
        new ApprovalPolicy(10, Duration.ofHours(1)), Instant.now(), "hash", null, null, null, null, null, null, null);
    WorkflowClient client = client();
    NotificationWorkflow workflow = client.newWorkflowStub(NotificationWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.NOTIFICATIONS)
            .setWorkflowExecutionTimeout(Duration.ofMinutes(1)).build());

    NotificationResult result = workflow.send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(sentTo("worker@example.com")).isEqualTo(1);
  }

  /** As one Herald 0.1.0 started before an upgrade: its input plain, read by a worker that encrypts. */
  @Test
  void aNotificationStartedWithoutEncryptionStillRuns() {
    String id = NotificationIds.of("test", "standalone-plain-1");
    var spec = new NotificationSpec(id, "standalone-plain-1", "test", List.of(Channel.EMAIL),
        List.of(Recipient.ofEmail("plain@example.com")), new Content("Plain", "Hello"), Priority.NORMAL, null,
        new ApprovalPolicy(10, Duration.ofHours(1)), Instant.now(), "hash", null, null, null, null, null, null, null);
    WorkflowClient plain = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace("default").build());
    WorkflowClient.start(plain.newWorkflowStub(NotificationWorkflow.class, WorkflowOptions.newBuilder().setWorkflowId(id)
        .setTaskQueue(TaskQueues.NOTIFICATIONS).setWorkflowExecutionTimeout(Duration.ofMinutes(1)).build())::send, spec);

    NotificationResult result = client().newUntypedWorkflowStub(id).getResult(NotificationResult.class);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(sentTo("plain@example.com")).isEqualTo(1);
  }

  @Test
  void aWorkerServesOnlyTheChannelsItIsGiven() {
    try (ConfigurableApplicationContext emailOnly = WorkerApplication.run(new String[0],
        "--herald.temporal.address=" + temporalAddress,
        "--herald.temporal.encryption.keys=" + KEYS,
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres",
        "--herald.email.smtp.host=127.0.0.1",
        "--herald.email.smtp.port=" + smtp.getSmtp().getPort(),
        "--herald.public-url=https://herald.example.com",
        "--herald.preferences.links.keys=" + LINK_KEYS,
        "--herald.worker.channels=EMAIL",
        "--herald.worker.orchestration=false",
        "--server.port=0")) {
      assertThat(emailOnly.getBean(HeraldWorkers.class).queues()).containsExactly("email", "email-low");
    }
    try (ConfigurableApplicationContext smsOnly = WorkerApplication.run(new String[0],
        "--herald.temporal.address=" + temporalAddress,
        "--herald.temporal.encryption.keys=" + KEYS,
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres",
        "--herald.twilio.account-sid=ACd0000000000000000000000000000de7",
        "--herald.twilio.auth-token=token",
        "--herald.twilio.default-from=+15017122661",
        "--herald.twilio.base-url=http://127.0.0.1:9/twilio",
        "--herald.worker.channels=SMS",
        "--herald.worker.orchestration=false",
        "--server.port=0")) {
      assertThat(smsOnly.getBean(HeraldWorkers.class).queues()).containsExactly("sms", "sms-low");
    }
    assertThat(worker.getBean(HeraldWorkers.class).queues()).as("every channel it is configured for")
        .containsExactly(TaskQueues.NOTIFICATIONS, TaskQueues.lowLane(TaskQueues.NOTIFICATIONS), "email", "email-low",
            "in-app", "in-app-low");
  }

  @Test
  void theEmailQueueServesBroadcastBatches() {
    JdbcClient sql = JdbcClient.create(worker.getBean(DataSource.class));
    sql.sql("""
        insert into recipient (owner, external_id, name, email, created_at, updated_at)
        values ('test', 'member-1', 'Ada', 'member-1@example.com', now(), now())""").update();
    sql.sql("""
        insert into recipient_group (owner, key, name, created_at, updated_at)
        values ('test', 'crew', 'Crew', now(), now())""").update();
    sql.sql("""
        insert into group_member (group_id, owner, recipient_id)
        select id, owner, 'member-1' from recipient_group where key = 'crew'""").update();
    String id = NotificationIds.of("test", "standalone-broadcast-1");
    var spec = new NotificationSpec(id, "standalone-broadcast-1", "test", List.of(Channel.EMAIL), List.of(),
        new Content("Crew news", "Hello crew"), Priority.NORMAL, null, new ApprovalPolicy(10, Duration.ofHours(1)),
        Instant.now(), "hash", null, null, null, "crew", null, null, null);
    worker.getBean(DeliveryLogActivities.class).recordAudience(spec, NotificationStatus.ACCEPTED);
    WorkflowClient client = client();
    WorkerFactory probes = WorkerFactory.newInstance(client);
    probes.newWorker("broadcast-probe").registerWorkflowImplementationTypes(BatchProbeImpl.class);
    probes.start();
    try {
      BatchProbe probe = client.newWorkflowStub(BatchProbe.class, WorkflowOptions.newBuilder()
          .setTaskQueue("broadcast-probe").setWorkflowExecutionTimeout(Duration.ofMinutes(1)).build());

      ChannelCounts counts = probe.send(
          new BatchRequest(id, "test", Channel.EMAIL, 0, 1, spec.content(), null, List.of(), null, null, null, false));

      assertThat(counts).isEqualTo(new ChannelCounts(Channel.EMAIL, 1, 0, 1, 0, 0, 0, 0));
      assertThat(sentTo("member-1@example.com")).isEqualTo(1);
    } finally {
      probes.shutdownNow();
    }
  }

  /**
   * Quiet hours on the real gate and store, in skipped time: at 08:30 UTC on 14 March 2027 a recipient in
   * St John's is at 06:00 NDT, four hours after its clocks went forward inside its 22:00-08:00 window, and one
   * in Kiritimati (UTC+14) at 22:30 the same evening. Each is held until 08:00 in its own zone: 10:30 UTC
   * (11:30 had the clocks not moved) and 18:00 UTC; the notification waits for both, then completes.
   */
  @Test
  void quietHoursHoldEachRecipientUntilItsOwnMorningAcrossTheDateLineAndADstChange() {
    TestServiceStubs testService = TestServiceStubs.newServiceStubs(TestServiceStubsOptions.newBuilder()
        .setTarget(temporalAddress).validateAndBuildWithDefaults());
    Instant start = Instant.parse("2027-03-14T08:30:00Z");
    testService.blockingStub().sleepUntil(SleepUntilRequest.newBuilder()
        .setTimestamp(Timestamp.newBuilder().setSeconds(start.getEpochSecond())).build());
    PreferenceStore preferences = worker.getBean(PreferenceStore.class);
    preferences.setQuietHours("test", "st-johns", new QuietHoursSetting(LocalTime.of(22, 0), LocalTime.of(8, 0),
        "America/St_Johns"));
    preferences.setQuietHours("test", "kiritimati", new QuietHoursSetting(LocalTime.of(22, 0), LocalTime.of(8, 0),
        "Pacific/Kiritimati"));
    String id = NotificationIds.of("test", "standalone-quiet-1");
    var spec = new NotificationSpec(id, "standalone-quiet-1", "test", List.of(Channel.EMAIL),
        List.of(new Recipient("st-johns", "st-johns@example.com", null, null, null, null),
            new Recipient("kiritimati", "kiritimati@example.com", null, null, null, null)),
        new Content("Good morning", "Hello"), Priority.NORMAL, null, new ApprovalPolicy(10, Duration.ofHours(1)),
        start, "hash", null, null, null, null, null, null, null);

    NotificationResult result = client().newWorkflowStub(NotificationWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(id).setTaskQueue(TaskQueues.NOTIFICATIONS).build()).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(result.sent()).isEqualTo(2);
    JdbcClient sql = JdbcClient.create(worker.getBean(DataSource.class));
    assertThat(sql.sql("select recipient_id, not_before from delivery where notification_id = :id order by recipient_id")
        .param("id", id).query((rs, n) -> rs.getString(1) + " " + rs.getTimestamp(2).toInstant()).list())
        .containsExactly("kiritimati 2027-03-14T18:00:00Z", "st-johns 2027-03-14T10:30:00Z");
    Instant end = Instant.ofEpochSecond(testService.blockingStub().getCurrentTime(Empty.getDefaultInstance())
        .getTime().getSeconds());
    assertThat(end).isAfterOrEqualTo(Instant.parse("2027-03-14T18:00:00Z"));
    assertThat(sentTo("st-johns@example.com") + sentTo("kiritimati@example.com")).isEqualTo(2);
    testService.shutdown();
  }

  /** Sends one broadcast batch on its channel's queue, as the notification workflow does. */
  @WorkflowInterface
  public interface BatchProbe {
    @WorkflowMethod
    ChannelCounts send(BatchRequest batch);
  }

  public static class BatchProbeImpl implements BatchProbe {
    @Override
    public ChannelCounts send(BatchRequest batch) {
      return Workflow.newActivityStub(ChannelActivities.class, DeliveryPolicies.forBatch(batch.channel(), batch.size()))
          .sendBatch(batch);
    }
  }

  /** A client of the worker's cluster with the worker's keys, as the API would be. */
  private static WorkflowClient client() {
    return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace("default")
        .setDataConverter(worker.getBean(DataConverter.class)).build());
  }

  private static long sentTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
      try {
        return message.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).count();
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
