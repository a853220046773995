package dev.herald.workflows.notification;

import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.channel.ChannelActivities;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.Audience;
import dev.herald.workflows.messages.BatchOutcome;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.QuietWait;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Reach;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * An in-memory delivery log and email batch sender for workflow tests of broadcasts to a group: one EMAIL delivery
 * per member, the statuses kept per member number, every send counted per member, so a test can
 * say "each member exactly once". Thread-safe: batches run concurrently.
 */
final class FakeBroadcastLog implements DeliveryLogActivities, ChannelActivities {

  private final int members;
  private final Map<Integer, DeliveryStatus> statuses = new ConcurrentHashMap<>();
  final AtomicIntegerArray sends;
  final AtomicInteger batchesStarted = new AtomicInteger();
  final List<NotificationStatus> recordedStatuses = new CopyOnWriteArrayList<>();
  final List<BatchRequest> failedBatches = new CopyOnWriteArrayList<>();
  final AtomicInteger releases = new AtomicInteger();
  /** Batches starting at these member numbers fail for good (their retries ran out). */
  final List<Integer> brokenBatches = new CopyOnWriteArrayList<>();
  /** Batches starting at these member numbers return without sending, saying so (pending in their counts). */
  final List<Integer> stuckBatches = new CopyOnWriteArrayList<>();
  /** Batches starting here are answered by a worker on another database: nothing sent, nothing counted. */
  final List<Integer> lostBatches = new CopyOnWriteArrayList<>();
  /** Open it to let batches send; closed, every batch waits at its start (up to 10 s). */
  volatile CountDownLatch gate = new CountDownLatch(0);
  /** Holds the snapshot before it writes anything, for a test that cancels while it is taken. */
  volatile CountDownLatch snapshotWrites = new CountDownLatch(0);
  final CountDownLatch snapshotAsked = new CountDownLatch(1);
  /** The task queues the audience was recorded and batches were sent on. */
  final Set<String> taskQueues = ConcurrentHashMap.newKeySet();
  /** Calls in the order they ended: recordAudience, releasePending ... */
  final List<String> ended = new CopyOnWriteArrayList<>();

  /** A log of {@code members} serving the workflow and the email queue of a started test environment. */
  static FakeBroadcastLog startWorkers(TestWorkflowEnvironment env, int members) {
    return startWorkers(env, members, TaskQueues.NOTIFICATIONS, Channels.of(Channel.EMAIL).taskQueue());
  }

  /** The same, with the workflow on {@code orchestration} and the email batches on {@code email}. */
  static FakeBroadcastLog startWorkers(TestWorkflowEnvironment env, int members, String orchestration, String email) {
    FakeBroadcastLog log = new FakeBroadcastLog(members);
    Worker notifications = env.newWorker(orchestration);
    notifications.registerWorkflowImplementationTypes(NotificationWorkflowImpl.class);
    notifications.registerActivitiesImplementations(log);
    env.newWorker(email).registerActivitiesImplementations((ChannelActivities) log);
    env.start();
    return log;
  }

  FakeBroadcastLog(int members) {
    this.members = members;
    this.sends = new AtomicIntegerArray(members);
  }

  @Override
  public Audience recordAudience(NotificationSpec spec, NotificationStatus status) {
    taskQueues.add(Activity.getExecutionContext().getInfo().getActivityTaskQueue());
    snapshotAsked.countDown();
    try {
      snapshotWrites.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    recordedStatuses.add(status);
    for (int seq = 0; seq < members; seq++) {
      statuses.putIfAbsent(seq, DeliveryStatus.PENDING);
    }
    ended.add("recordAudience");
    return new Audience(members, List.of(ChannelCounts.reserved(Channel.EMAIL, members)));
  }

  @Override
  public BatchOutcome sendBatchAfterQuietHours(BatchRequest batch) {
    return new BatchOutcome(sendBatch(batch), 0);
  }

  @Override
  public int countUnacknowledged(String notificationId, List<Channel> channels) {
    return 0;
  }

  @Override
  public QuietWait quietWait(String notificationId, int batchSize) {
    ended.add("quietWait");
    return QuietWait.NONE;
  }

  @Override
  public ChannelCounts sendBatch(BatchRequest batch) {
    taskQueues.add(Activity.getExecutionContext().getInfo().getActivityTaskQueue());
    batchesStarted.incrementAndGet();
    try {
      gate.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (lostBatches.contains(batch.fromSeq())) {
      return ChannelCounts.none(Channel.EMAIL);
    }
    if (stuckBatches.contains(batch.fromSeq())) {
      return range(batch);
    }
    if (brokenBatches.contains(batch.fromSeq())) {
      throw ApplicationFailure.newNonRetryableFailure("relay refuses everything", "MESSAGE_REJECTED");
    }
    for (int seq = batch.fromSeq(); seq < batch.toSeq(); seq++) {
      if (statuses.replace(seq, DeliveryStatus.PENDING, DeliveryStatus.SENT)) {
        sends.incrementAndGet(seq);
      }
    }
    return range(batch);
  }

  @Override
  public ChannelCounts failBatch(BatchRequest batch, DeliveryError error) {
    failedBatches.add(batch);
    for (int seq = batch.fromSeq(); seq < batch.toSeq(); seq++) {
      statuses.replace(seq, DeliveryStatus.PENDING, DeliveryStatus.FAILED);
    }
    return range(batch);
  }

  @Override
  public List<ChannelCounts> countDeliveries(String notificationId) {
    return List.of(count(0, members));
  }

  @Override
  public int releasePending(String notificationId, String reason) {
    releases.incrementAndGet();
    int released = 0;
    for (int seq = 0; seq < members; seq++) {
      if (statuses.replace(seq, DeliveryStatus.PENDING, DeliveryStatus.CANCELLED)) {
        released++;
      }
    }
    ended.add("releasePending");
    return released;
  }

  @Override
  public void recordStatus(String notificationId, NotificationStatus status, String detail) {
    recordedStatuses.add(status);
  }

  @Override
  public void recordApproval(String notificationId, ApprovalDecision decision) {}

  @Override
  public Reach countReach(String notificationId, boolean byRecipient) {
    ChannelCounts all = count(0, members);
    return new Reach(all.sent(), all.failed());
  }

  @Override
  public int countAwaitingReceipts(String notificationId) {
    return 0;
  }

  @Override
  public void recordReceipt(DeliveryReceipt receipt) {}

  long membersWith(DeliveryStatus status) {
    return statuses.values().stream().filter(s -> s == status).count();
  }

  private ChannelCounts range(BatchRequest batch) {
    return count(batch.fromSeq(), batch.toSeq());
  }

  private ChannelCounts count(int from, int to) {
    int pending = 0;
    int sent = 0;
    int failed = 0;
    int cancelled = 0;
    for (int seq = from; seq < to; seq++) {
      switch (statuses.get(seq)) {
        case PENDING -> pending++;
        case SENT -> sent++;
        case FAILED -> failed++;
        case CANCELLED -> cancelled++;
        default -> {}
      }
    }
    return new ChannelCounts(Channel.EMAIL, to - from, pending, sent, 0, failed, 0, cancelled);
  }
}
