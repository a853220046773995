package dev.herald.api.tracing;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * An OTLP/HTTP trace receiver on a free local port: decodes each export (protobuf, as Boot's exporter sends it)
 * and keeps its spans.
 */
final class OtlpReceiver implements AutoCloseable {

  /** A received span: ids in hex, its kind and its attributes as text. */
  record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, Span.SpanKind kind,
      Map<String, String> attributes) {}

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

  OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/traces", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
        request.getResourceSpansList().forEach(resource -> resource.getScopeSpansList().forEach(scope ->
            scope.getSpansList().forEach(span -> spans.add(received(span)))));
      }
      byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
  }

  List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  private static ReceivedSpan received(Span span) {
    HexFormat hex = HexFormat.of();
    Map<String, String> attributes = span.getAttributesList().stream()
        .collect(Collectors.toMap(KeyValue::getKey, OtlpReceiver::text, (a, b) -> b));
    return new ReceivedSpan(hex.formatHex(span.getTraceId().toByteArray()),
        hex.formatHex(span.getSpanId().toByteArray()), hex.formatHex(span.getParentSpanId().toByteArray()),
        span.getName(), span.getKind(), attributes);
  }

  private static String text(KeyValue attribute) {
    var value = attribute.getValue();
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case INT_VALUE -> Long.toString(value.getIntValue());
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
      default -> value.toString();
    };
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
