package dev.herald.worker.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.sdk.v1.UserMetadata;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A start request leaves with its summary plain and its input still encrypted. */
class PlainUserMetadataTest {

  private final EncryptionCodec codec =
      new EncryptionCodec(new PayloadKeys(List.of(PayloadKey.generate("k1", new SecureRandom()))));
  private final DataConverter encrypting =
      new CodecDataConverter(DefaultDataConverter.newDefaultInstance(), List.of(codec), true);

  @Test
  void theSummaryGoesPlainAndTheInputStaysEncrypted() {
    Payloads input = encrypting.toPayloads("ada@example.com").orElseThrow();
    Payload summary = encrypting.toPayload("EMAIL to 1 recipient(s) from billing").orElseThrow();
    StartWorkflowExecutionRequest request = StartWorkflowExecutionRequest.newBuilder().setInput(input)
        .setUserMetadata(UserMetadata.newBuilder().setSummary(summary)).build();

    var sent = (StartWorkflowExecutionRequest) new PlainUserMetadata(codec).plain(request);

    assertThat(sent.getUserMetadata().getSummary())
        .isEqualTo(DefaultDataConverter.newDefaultInstance().toPayload("EMAIL to 1 recipient(s) from billing").orElseThrow());
    assertThat(sent.getInput()).isEqualTo(input);
    assertThat(sent.getInput().toByteString().toStringUtf8()).doesNotContain("ada@example.com");
  }

  @Test
  void aStartWithoutSummaryIsSentAsItIs() {
    StartWorkflowExecutionRequest request = StartWorkflowExecutionRequest.newBuilder().setWorkflowId("w").build();

    assertThat(new PlainUserMetadata(codec).plain(request)).isSameAs(request);
  }
}
