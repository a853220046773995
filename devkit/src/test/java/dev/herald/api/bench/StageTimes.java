package dev.herald.api.bench;

import com.google.protobuf.Timestamp;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a single email notification's time went, stage by stage, from its history and the delivery
 * log: produced -> accepted (the Kafka door and the start), accepted -> its first workflow task ran
 * (the workflow task queue), that task -> its channel's batch activity scheduled (the workflow's own
 * steps, local activities included), scheduled -> started (the channel's task queue and a worker
 * slot), started -> SENT in the log (the send and its outcome's write).
 */
final class StageTimes {

  private static final List<String> STAGES = List.of("door", "workflow task queue", "workflow steps",
      "activity queue", "send and write");

  /** How many of the slowest notifications are listed with their stages. */
  private static final int SLOWEST = 4;

  private final WorkflowServiceStubs stubs;
  private final String namespace;
  private final JdbcTemplate jdbc;

  StageTimes(WorkflowServiceStubs stubs, String namespace, JdbcTemplate jdbc) {
    this.stubs = stubs;
    this.namespace = namespace;
    this.jdbc = jdbc;
  }

  /**
   * The stages' p50/p99 over the notifications of {@code run} (keys {@code run-*}), produced at
   * {@code producedAt}, then the slowest few: when each was produced (seconds into the run) and its stages.
   */
  String of(String run, Map<String, Long> producedAt) {
    Map<String, Latencies> stages = new LinkedHashMap<>();
    STAGES.forEach(stage -> stages.put(stage, new Latencies()));
    long firstProduced = producedAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
    List<long[]> each = new ArrayList<>();
    jdbc.query("""
        select n.id, n.idempotency_key, n.created_at, d.updated_at from notification n
        join delivery d on d.notification_id = n.id where n.idempotency_key like ? and d.status = 'SENT'""", row -> {
          List<HistoryEvent> events = history(row.getString("id"));
          long produced = producedAt.get(row.getString("idempotency_key"));
          long accepted = row.getTimestamp("created_at").getTime();
          long sent = row.getTimestamp("updated_at").getTime();
          long taskStarted = first(events, e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED);
          long scheduled = first(events, e -> e.hasActivityTaskScheduledEventAttributes());
          long started = first(events, e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED);
          long[] marks = {produced, accepted, taskStarted, scheduled, started, sent};
          for (int i = 0; i < STAGES.size(); i++) {
            stages.get(STAGES.get(i)).record(Duration.ofMillis(marks[i + 1] - marks[i]));
          }
          each.add(marks);
        }, run + "-%");
    StringBuilder text = new StringBuilder();
    stages.forEach((stage, latencies) -> text.append(text.isEmpty() ? "" : "; ").append(stage).append(String.format(
        " p50 %.0f / p99 %.0f ms", latencies.p50Ms(), latencies.p99Ms())));
    each.sort(Comparator.comparingLong((long[] marks) -> marks[0] - marks[marks.length - 1]));
    text.append("; slowest:");
    each.stream().limit(SLOWEST).forEach(marks -> {
      text.append(String.format(" %d ms at +%.1f s (", marks[marks.length - 1] - marks[0],
          (marks[0] - firstProduced) / 1000.0));
      for (int i = 1; i < marks.length; i++) {
        text.append(i == 1 ? "" : "/").append(marks[i] - marks[i - 1]);
      }
      text.append(")");
    });
    return text.toString();
  }

  private List<HistoryEvent> history(String workflowId) {
    return stubs.blockingStub().getWorkflowExecutionHistory(GetWorkflowExecutionHistoryRequest.newBuilder()
            .setNamespace(namespace).setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).build())
        .getHistory().getEventsList();
  }

  private static long first(List<HistoryEvent> events, Predicate<HistoryEvent> which) {
    Optional<Timestamp> time = events.stream().filter(which).findFirst().map(HistoryEvent::getEventTime);
    return time.map(t -> t.getSeconds() * 1000 + t.getNanos() / 1_000_000).orElseThrow(
        () -> new IllegalStateException("a history without the event the stages need"));
  }
}
