package dev.herald.api.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.herald.worker.encryption.EncryptionCodec;
import dev.herald.worker.temporal.TemporalProperties;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.payload.codec.PayloadCodecException;
import java.net.URI;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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

  @PostMapping(path = "/encode", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> encode(@RequestHeader(name = NAMESPACE_HEADER, required = false) String namespace,
      @RequestBody String body) throws InvalidProtocolBufferException {
    return convert(namespace, body, codec::encode);
  }

  @PostMapping(path = "/decode", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> decode(@RequestHeader(name = NAMESPACE_HEADER, required = false) String namespace,
      @RequestBody String body) throws InvalidProtocolBufferException {
    return convert(namespace, body, codec::decode);
  }

  private ResponseEntity<String> convert(String requested, String body, UnaryOperator<List<Payload>> conversion)
      throws InvalidProtocolBufferException {
    Payloads.Builder payloads = Payloads.newBuilder();
    JSON_IN.merge(body, payloads);
    List<Payload> given = payloads.getPayloadsList();
    boolean ours = requested == null || requested.isBlank() || requested.equals(namespace);
    Payloads answer = Payloads.newBuilder().addAllPayloads(ours ? conversion.apply(given) : given).build();
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(JSON_OUT.print(answer));
  }

  @ExceptionHandler(InvalidProtocolBufferException.class)
  ProblemDetail notPayloads(InvalidProtocolBufferException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
        "the body is not {\"payloads\":[...]}, Temporal payloads in protobuf JSON (metadata values and data in base64)");
  }

  /** Never the payload: which key it names, or that it did not authenticate. */
  @ExceptionHandler(PayloadCodecException.class)
  ProblemDetail undecodable(PayloadCodecException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "payload-not-decodable", "A payload cannot be decoded with Herald's keys",
        e.getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("/problems/" + type));
    problem.setTitle(title);
    return problem;
  }
}
