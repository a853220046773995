package dev.herald.api.bench;

import dev.herald.worker.encryption.EncryptionCodec;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.EncodingKeys;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What Herald's payload codec costs a value on its way to Temporal and back, next to Temporal's plain
 * converter, for payloads taken from the history of this run (so they are the ones Herald writes,
 * and the harness sees that they are encrypted).
 */
final class PayloadCosts {

  /** The batch activities' types: workflows from before quiet hours call the first. */
  private static final Set<String> BATCH_ACTIVITIES = Set.of("SendBatch", "SendBatchAfterQuietHours");

  /** Which payload of a history: a workflow's input, a channel's batch request. */
  static final Function<HistoryEvent, Optional<Payloads>> WORKFLOW_INPUT = event ->
      event.hasWorkflowExecutionStartedEventAttributes()
          ? Optional.of(event.getWorkflowExecutionStartedEventAttributes().getInput()) : Optional.empty();
  static final Function<HistoryEvent, Optional<Payloads>> BATCH_REQUEST = event ->
      event.hasActivityTaskScheduledEventAttributes()
          && BATCH_ACTIVITIES.contains(event.getActivityTaskScheduledEventAttributes().getActivityType().getName())
          ? Optional.of(event.getActivityTaskScheduledEventAttributes().getInput()) : Optional.empty();

  /** Temporal's own converter, without Herald's codec. */
  private static final DataConverter PLAIN = DefaultDataConverter.newDefaultInstance();

  private final WorkflowServiceStubs stubs;
  private final String namespace;
  private final DataConverter herald;
  private final EncryptionCodec codec;

  PayloadCosts(WorkflowServiceStubs stubs, String namespace, DataConverter herald, EncryptionCodec codec) {
    this.stubs = stubs;
    this.namespace = namespace;
    this.herald = herald;
    this.codec = codec;
  }

  /**
   * A row: the first payload {@code which} finds in the workflow's history, as a {@code type} to
   * Temporal's payloads and back, as the SDK does with every input and result, with the plain
   * converter, with Herald's (the same and the codec) and the codec's encode and decode alone.
   */
  Map.Entry<String, String> row(String what, String workflowId, Function<HistoryEvent, Optional<Payloads>> which,
      Class<?> type) {
    Payload plain = codec.decode(List.of(kept(workflowId, which))).get(0);
    Object value = PLAIN.fromPayload(plain, type, type);
    List<PerCall.Figures> figures = PerCall.alternately(100, 200, 200,
        calls -> i -> PerCall.consume(PLAIN.fromPayloads(0, PLAIN.toPayloads(value), type, type)),
        calls -> i -> PerCall.consume(herald.fromPayloads(0, herald.toPayloads(value), type, type)),
        calls -> i -> PerCall.consume(codec.decode(codec.encode(List.of(plain)))));
    double added = figures.get(1).cpuP50() - figures.get(0).cpuP50();
    return Map.entry(String.format("per request: %s to Temporal's payload and back (%s, %d bytes as JSON, %d encrypted)",
        what, type.getSimpleName(), plain.getSerializedSize(), codec.encode(List.of(plain)).get(0).getSerializedSize()),
        String.format("plain converter %s; Herald's, with AES-256-GCM under key '%s', %s: %s%s of CPU at the median; the"
            + " codec's encode + decode alone %s (%s after warm-up, in turns)", figures.get(0), codec.keys().active().id(),
            figures.get(1), added >= 0 ? "+" : "", PerCall.us(added), figures.get(2), figures.get(0).how()));
  }

  /** The payload as Temporal keeps it, which must be encrypted: the workers here encrypt as the dev kit's do. */
  private Payload kept(String workflowId, Function<HistoryEvent, Optional<Payloads>> which) {
    Payload kept = stubs.blockingStub().getWorkflowExecutionHistory(GetWorkflowExecutionHistoryRequest.newBuilder()
            .setNamespace(namespace).setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).build())
        .getHistory().getEventsList().stream().map(which).flatMap(Optional::stream).findFirst()
        .orElseThrow(() -> new IllegalStateException("no such payload in the history of " + workflowId)).getPayloads(0);
    if (!EncryptionCodec.ENCODING.equals(kept.getMetadataOrDefault(EncodingKeys.METADATA_ENCODING_KEY, null))) {
      throw new IllegalStateException("the workers of this benchmark keep " + workflowId + "'s payloads unencrypted");
    }
    return kept;
  }
}
