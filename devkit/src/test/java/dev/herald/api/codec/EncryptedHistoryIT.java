package dev.herald.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import dev.herald.api.HeraldIntegrationTest;
import dev.herald.worker.temporal.TemporalProperties;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What Temporal keeps of a notification holds no address, name, subject, body or variable in plain
 * text, while its search attributes and summary stay readable; Herald's codec endpoint decodes the
 * payloads for the Temporal UI and refuses one under a key it does not have.
 */
class EncryptedHistoryIT extends HeraldIntegrationTest {

  private static final String SENDER = "codec-it-sender";
  private static final String ADDRESS = "zq-codec-7f3a@codec.example";
  private static final String SUBJECT = "Subject 7f3a for Zebulon";
  private static final String BODY = "Body 7f3a: the vault code is 0451";
  private static final String STORED_ADDRESS = "zq-stored-7f3a@codec.example";
  private static final String NAME = "Zebulon Quixote";
  private static final String VARIABLE = "variable-value-7f3a";
  private static final List<String> PERSONAL = List.of(ADDRESS, SUBJECT, BODY, STORED_ADDRESS, NAME, VARIABLE);

  @Autowired WorkflowServiceStubs stubs;
  @Autowired TemporalProperties temporal;

  @BeforeEach
  void storeRecipientAndTemplate() {
    http().put().uri("/api/v1/recipients/codec-stored-1?owner=" + SENDER).contentType(MediaType.APPLICATION_JSON)
        .body("{\"name\":\"" + NAME + "\",\"email\":\"" + STORED_ADDRESS + "\"}").retrieve().toBodilessEntity();
    if (get("/api/v1/templates/it-codec-tpl").getStatusCode() == HttpStatus.NOT_FOUND) {
      post("/api/v1/templates", "{\"key\":\"it-codec-tpl\",\"owner\":\"codec\"}");
      post("/api/v1/templates/it-codec-tpl/versions",
          "{\"defaults\":{\"email\":{\"subject\":\"Note {{code}}\",\"text\":\"Hi {{name}}\"}}}");
      post("/api/v1/templates/it-codec-tpl/versions/1/publish", "");
    }
  }

  @Test
  void temporalKeepsNoPersonalDataInPlainTextButTheSearchAttributesAndSummaryStayReadable() {
    String inline = send("codec-inline-1", "{\"channels\":[\"EMAIL\"],\"recipients\":[{\"email\":\"" + ADDRESS + "\"}],"
        + "\"subject\":\"" + SUBJECT + "\",\"body\":\"" + BODY + "\"}");
    String templated = send("codec-template-1", "{\"channels\":[\"EMAIL\"],\"recipients\":[{\"id\":\"codec-stored-1\"}],"
        + "\"template\":\"it-codec-tpl\",\"variables\":{\"name\":\"" + NAME + "\",\"code\":\"" + VARIABLE + "\"}}");
    awaitStatus(inline, "COMPLETED");
    awaitStatus(templated, "COMPLETED");
    assertThat(mailsTo(ADDRESS)).hasSize(1);
    assertThat(mailsTo(STORED_ADDRESS)).hasSize(1);

    for (String id : List.of(inline, templated)) {
      String kept = new String(rawHistory(id).stream().map(HistoryEvent::toByteArray)
          .reduce(describe(id), this::concat), StandardCharsets.ISO_8859_1);
      assertThat(kept).as("what Temporal keeps of %s", id).doesNotContain(PERSONAL).contains(SENDER);
      Payload summary = rawHistory(id).get(0).getUserMetadata().getSummary();
      assertThat(DefaultDataConverter.newDefaultInstance().fromPayload(summary, String.class, String.class))
          .isEqualTo("EMAIL to 1 recipient(s) from " + SENDER + ", NORMAL priority");
    }
  }

  @Test
  void theCodecEndpointDecodesAHistorysPayloads() throws Exception {
    String address = "zq-decode-7f3a@codec.example";
    String id = send("codec-decode-1", "{\"channels\":[\"EMAIL\"],\"recipients\":[{\"email\":\"" + address + "\"}],"
        + "\"subject\":\"" + SUBJECT + "\",\"body\":\"" + BODY + "\"}");
    awaitStatus(id, "COMPLETED");
    List<Payload> kept = new ArrayList<>();
    for (HistoryEvent event : rawHistory(id)) {
      kept.addAll(event.getWorkflowExecutionStartedEventAttributes().getInput().getPayloadsList());
      kept.addAll(event.getActivityTaskScheduledEventAttributes().getInput().getPayloadsList());
      kept.addAll(event.getActivityTaskCompletedEventAttributes().getResult().getPayloadsList());
      kept.addAll(event.getWorkflowExecutionCompletedEventAttributes().getResult().getPayloadsList());
      // a local activity's input and result; its marker's other details (id, type, time) are the SDK's own, plain
      event.getMarkerRecordedEventAttributes().getDetailsMap().forEach((key, payloads) -> {
        if (key.equals("input") || key.equals("result")) {
          kept.addAll(payloads.getPayloadsList());
        }
      });
    }
    assertThat(kept).isNotEmpty().allSatisfy(p -> assertThat(p.getMetadataOrThrow("encoding").toStringUtf8())
        .isEqualTo("binary/encrypted"));

    ResponseEntity<String> decoded = codec("decode", temporal.namespace(), kept);

    assertThat(decoded.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Payload> plain = payloads(decoded.getBody());
    assertThat(plain).hasSameSizeAs(kept).allSatisfy(p -> assertThat(p.getMetadataOrThrow("encoding").toStringUtf8())
        .isIn("json/plain", "binary/null"));
    // the input names the recipient; its subject and body are kept by the door, not in the history
    assertThat(plain.get(0).getData().toStringUtf8()).contains(address).doesNotContain(BODY);
  }

  @Test
  void whatTheEndpointEncodesItDecodes() throws Exception {
    Payload plain = DefaultDataConverter.newDefaultInstance().toPayload(Map.of("approvedBy", "admin-7f3a")).orElseThrow();

    List<Payload> encoded = payloads(codec("encode", temporal.namespace(), List.of(plain)).getBody());
    List<Payload> decoded = payloads(codec("decode", temporal.namespace(), encoded).getBody());

    assertThat(encoded.get(0).getData().toStringUtf8()).doesNotContain("admin-7f3a");
    assertThat(decoded).containsExactly(plain);
  }

  @Test
  void aPayloadUnderAKeyHeraldDoesNotHaveIsRefusedNamingTheKey() throws Exception {
    Payload foreign = Payload.newBuilder().putMetadata("encoding", ByteString.copyFromUtf8("binary/encrypted"))
        .putMetadata("encryption-key-id", ByteString.copyFromUtf8("retired-2019"))
        .setData(ByteString.copyFrom(new byte[48])).build();

    ResponseEntity<String> refused = codec("decode", temporal.namespace(), List.of(foreign));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(refused.getBody()).contains("/problems/payload-not-decodable").contains("'retired-2019'");
    assertThat(codec("decode", "another-namespace", List.of(foreign)).getBody())
        .as("another namespace's payloads are not Herald's to decode").isEqualTo(JsonFormat.printer()
            .omittingInsignificantWhitespace().print(Payloads.newBuilder().addPayloads(foreign).build()));
  }

  @Test
  void onlyTheTemporalUisOriginMayCallTheEndpointFromABrowser() throws Exception {
    assertThat(preflight("http://localhost:8233").headers().firstValue("Access-Control-Allow-Origin"))
        .contains("http://localhost:8233");
    HttpResponse<String> other = preflight("http://elsewhere.example");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private String send(String key, String json) {
    var accepted = post("/api/v1/notifications", "{\"idempotencyKey\":\"" + key + "\",\"sender\":\"" + SENDER + "\","
        + json.substring(1));
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    return (String) accepted.getBody().get("id");
  }

  /** Every event Temporal keeps for the workflow, as the server sends them: no data converter between. */
  private List<HistoryEvent> rawHistory(String workflowId) {
    List<HistoryEvent> events = new ArrayList<>();
    ByteString page = ByteString.EMPTY;
    do {
      GetWorkflowExecutionHistoryResponse response = stubs.blockingStub().getWorkflowExecutionHistory(
          GetWorkflowExecutionHistoryRequest.newBuilder().setNamespace(temporal.namespace())
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).setNextPageToken(page).build());
      events.addAll(response.getHistory().getEventsList());
      page = response.getNextPageToken();
    } while (!page.isEmpty());
    return events;
  }

  /** The execution's description: memo, search attributes, summary, pending activities. */
  private byte[] describe(String workflowId) {
    return stubs.blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
        .setNamespace(temporal.namespace()).setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
        .build()).toByteArray();
  }

  private byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private ResponseEntity<String> codec(String operation, String namespace, List<Payload> payloads) throws Exception {
    String json = JsonFormat.printer().print(Payloads.newBuilder().addAllPayloads(payloads).build());
    return http().post().uri(TemporalCodecController.PATH + "/" + operation).contentType(MediaType.APPLICATION_JSON)
        .header("X-Namespace", namespace).body(json).retrieve().toEntity(String.class);
  }

  private static List<Payload> payloads(String json) throws Exception {
    Payloads.Builder payloads = Payloads.newBuilder();
    JsonFormat.parser().merge(json, payloads);
    return payloads.getPayloadsList();
  }

  private HttpResponse<String> preflight(String origin) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + TemporalCodecController.PATH + "/decode"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
        .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type,x-namespace")
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}
