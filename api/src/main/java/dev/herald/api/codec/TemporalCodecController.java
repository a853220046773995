package dev.herald.api.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.openapi.ApiTags;
import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.problem.ProblemType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.herald.worker.encryption.EncryptionCodec;
import dev.herald.worker.temporal.TemporalProperties;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.payload.codec.PayloadCodecException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Temporal's remote codec protocol, for the Temporal UI's and CLI's codec endpoint: {@code POST
 * {PATH}/decode} and {@code /encode} take and answer {@code {"payloads":[...]}} (Payloads in protobuf
 * JSON) through Herald's {@link EncryptionCodec}. A request for another namespace ({@code X-Namespace})
 * is answered unchanged: Herald's keys are not that namespace's. Off unless {@value
 * CodecEndpointProperties#ENABLED}; its own path prefix, so access rules can name it.
 */
@RestController
@RequestMapping(TemporalCodecController.PATH)
@Tag(name = ApiTags.TEMPORAL_CODEC)
@ConditionalOnProperty(name = CodecEndpointProperties.ENABLED, havingValue = "true")
public class TemporalCodecController {

  public static final String PATH = "/api/v1/temporal-codec";
  static final String NAMESPACE_HEADER = "X-Namespace";
  private static final JsonFormat.Parser JSON_IN = JsonFormat.parser().ignoringUnknownFields();
  private static final JsonFormat.Printer JSON_OUT = JsonFormat.printer().omittingInsignificantWhitespace();

  private final EncryptionCodec codec;
  private final String namespace;

  TemporalCodecController(EncryptionCodec codec, TemporalProperties temporal) {
    this.codec = codec;
    this.namespace = temporal.namespace();
  }

  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PayloadsJson.class)))
  @ApiResponse(responseCode = "200", description = "the payloads, encrypted with the active key (another namespace's unchanged)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PayloadsJson.class)))
  @PostMapping(path = "/encode", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> encode(@RequestHeader(name = NAMESPACE_HEADER, required = false) String namespace,
      @RequestBody String body) throws InvalidProtocolBufferException {
    return convert(namespace, body, codec::encode);
  }

  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PayloadsJson.class)))
  @ApiResponse(responseCode = "200", description = "the payloads, decrypted (another namespace's unchanged)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PayloadsJson.class)))
  @ProblemResponses(ProblemType.PAYLOAD_NOT_DECODABLE)
  @PostMapping(path = "/decode", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> decode(@RequestHeader(name = NAMESPACE_HEADER, required = false) String namespace,
      @RequestBody String body) throws InvalidProtocolBufferException {
    return convert(namespace, body, codec::decode);
  }

  /** The body's shape, for the OpenAPI document: Temporal's Payloads in protobuf JSON. */
  @Schema(name = "TemporalPayloads")
  record PayloadsJson(List<PayloadJson> payloads) {}

  record PayloadJson(
      @Schema(description = "metadata entries, each value in base64 (encoding, encryption-key-id ...)")
      Map<String, String> metadata,
      @Schema(description = "the payload's bytes in base64", format = "byte") String data) {}

  private ResponseEntity<String> convert(String requested, String body, UnaryOperator<List<Payload>> conversion)
      throws InvalidProtocolBufferException {
    Payloads.Builder payloads = Payloads.newBuilder();
    try {
      JSON_IN.merge(body, payloads);
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidRequestException("payloads",
          "the body is not {\"payloads\":[...]}, Temporal payloads in protobuf JSON (metadata values and data in base64)");
    }
    List<Payload> given = payloads.getPayloadsList();
    boolean ours = requested == null || requested.isBlank() || requested.equals(namespace);
    Payloads answer;
    try {
      answer = Payloads.newBuilder().addAllPayloads(ours ? conversion.apply(given) : given).build();
    } catch (PayloadCodecException e) {
      throw new PayloadNotDecodableException(e.getMessage());
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(JSON_OUT.print(answer));
  }
}
