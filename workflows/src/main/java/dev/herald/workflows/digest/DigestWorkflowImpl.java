package dev.herald.workflows.digest;

import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.TemporalUiText;
import dev.herald.workflows.messages.DigestCarry;
import dev.herald.workflows.messages.DigestEvent;
import dev.herald.workflows.messages.DigestWindow;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.notification.DeliveryPolicies;
import dev.herald.workflows.notification.NotificationIds;
import dev.herald.workflows.notification.NotificationStart;
import dev.herald.workflows.notification.NotificationWorkflow;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Collects a recipient's events in windows: the first event opens one (a durable timer to its end,
 * {@link DigestWindows}), each event is taken once (by its notification id), and when the window ends
 * it is started as one notification ({@link DigestNotification}) under an id fixed when the window
 * opened, so a replay or retry never sends it twice. Events that come while a window is being sent
 * open the next one. Some time after the last window with nothing new, the workflow ends; every
 * {@link #EVENTS_PER_RUN} events it continues as new with the open window, so its history stays small.
 */
public class DigestWorkflowImpl implements DigestWorkflow {

  /** A window with this many events goes out at once (the digest and its variables stay a bounded size). */
  static final int MOST_EVENTS_PER_WINDOW = 500;
  /** Updates (events and repeats) one run takes before it continues as new; below Temporal's 2,000 per run. */
  static final int EVENTS_PER_RUN = 1_000;
  /** Events remembered with their digest, so a repeated hand-over still answers the digest it went into. */
  static final int REMEMBERED = 2_000;
  /** How long a digest waits for a new event after its last window before it ends. */
  static final Duration LINGER = Duration.ofMinutes(10);

  private final LinkedHashMap<String, String> placed = new LinkedHashMap<>();
  private DigestWindow open;
  private Instant lastOpened;
  private int taken;

  /** The carried state is taken before any handler runs: the first event arrives with the start. */
  @WorkflowInit
  public DigestWorkflowImpl(DigestCarry carry) {
    open = carry.open();
    lastOpened = open == null ? null : open.openedAt();
    placed.putAll(carry.placed());
  }

  @Override
  public void collect(DigestCarry carry) {
    while (true) {
      if (open == null) {
        Workflow.await(LINGER, () -> open != null);
        if (open == null) {
          return;
        }
      }
      DigestWindow window = open;
      DigestEvent first = window.events().get(0);
      Duration left = Duration.between(now(), DigestWindows.endOf(first.rule(), window.openedAt(), first.timeZone()));
      if (left.compareTo(Duration.ZERO) > 0) {
        Workflow.await(left, () -> open.events().size() >= MOST_EVENTS_PER_WINDOW);
      }
      DigestWindow closing = open;
      open = null;
      send(closing);
      if (taken >= EVENTS_PER_RUN) {
        Workflow.continueAsNew(new DigestCarry(open, new LinkedHashMap<>(placed)));
      }
    }
  }

  @Override
  public String add(DigestEvent event) {
    taken++;
    String known = placed.get(event.notificationId());
    if (known != null) {
      return known;
    }
    if (open == null) {
      // a window's notification id names when it opened: two windows never share one, even within a millisecond
      Instant opened = lastOpened == null || now().isAfter(lastOpened) ? now() : lastOpened.plusMillis(1);
      lastOpened = opened;
      String recipientId = event.recipient().id();
      String key = DigestIds.windowKey(event.rule().key(), recipientId, opened);
      open = new DigestWindow(key, NotificationIds.of(event.sender(), key), opened, List.of());
    }
    List<DigestEvent> events = new ArrayList<>(open.events());
    events.add(event);
    open = new DigestWindow(open.idempotencyKey(), open.digestId(), open.openedAt(), events);
    remember(event.notificationId(), open.digestId());
    return open.digestId();
  }

  private void remember(String notificationId, String digestId) {
    placed.put(notificationId, digestId);
    Iterator<String> oldest = placed.keySet().iterator();
    while (placed.size() > REMEMBERED) {
      oldest.next();
      oldest.remove();
    }
  }

  /**
   * Starts the window's notification and waits until it has started (then it is in the history: a
   * replay finds it); it runs on its own, also after this workflow continued as new or ended.
   */
  private void send(DigestWindow window) {
    NotificationSpec spec = DigestNotification.of(window, now());
    NotificationWorkflow notification = Workflow.newChildWorkflowStub(NotificationWorkflow.class,
        ChildWorkflowOptions.newBuilder()
            .setWorkflowId(spec.id())
            .setTaskQueue(TaskQueues.NOTIFICATIONS)
            .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
            .setTypedSearchAttributes(NotificationStart.searchAttributes(spec))
            .setPriority(DeliveryPolicies.taskPriority(spec.priority(), spec.sender()))
            .setStaticSummary(TemporalUiText.clamp(spec.channels() + " digest of " + window.events().size()
                + " event(s) from " + spec.sender() + ", " + spec.priority() + " priority",
                TemporalUiText.ENCRYPTED_SUMMARY_BYTES))
            .setStaticDetails(NotificationStart.staticDetails(spec))
            .build());
    Async.function(notification::send, spec);
    Workflow.getWorkflowExecution(notification).get();
    Workflow.getLogger(DigestWorkflowImpl.class).info("digest {} sent with {} events", spec.id(), window.events().size());
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
