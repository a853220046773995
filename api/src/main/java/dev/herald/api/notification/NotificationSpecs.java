package dev.herald.api.notification;

import dev.herald.activities.content.NotificationContents;
import dev.herald.workflows.messages.NotificationSpec;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.client.WorkflowClient;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What a notification was asked to send (its content or template and variables, its audience), as
 * its workflow was started: the first event of its history, decrypted by the client's data converter,
 * with the content and variables the door kept for it ({@link NotificationContents}) while they are kept.
 * The delivery log keeps no bodies or variables; an approver's preview needs them.
 */
@Service
public class NotificationSpecs {

  private final WorkflowClient client;
  private final NotificationContents contents;

  NotificationSpecs(WorkflowClient client, NotificationContents contents) {
    this.client = client;
    this.contents = contents;
  }

  /** The spec of the notification's latest run; empty when Temporal has no such workflow (any more). */
  public Optional<NotificationSpec> find(String id) {
    GetWorkflowExecutionHistoryRequest request = GetWorkflowExecutionHistoryRequest.newBuilder()
        .setNamespace(client.getOptions().getNamespace())
        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(id))
        .setMaximumPageSize(1)
        .build();
    HistoryEvent first;
    try {
      var history = client.getWorkflowServiceStubs().blockingStub().getWorkflowExecutionHistory(request).getHistory();
      if (history.getEventsCount() == 0) {
        return Optional.empty();
      }
      first = history.getEvents(0);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw new TemporalUnavailableException(e);
    }
    if (!first.hasWorkflowExecutionStartedEventAttributes()) {
      return Optional.empty();
    }
    Payloads input = first.getWorkflowExecutionStartedEventAttributes().getInput();
    return Optional.ofNullable(client.getOptions().getDataConverter()
        .fromPayloads(0, Optional.of(input), NotificationSpec.class, NotificationSpec.class)).map(contents::inline);
  }
}
