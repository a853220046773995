package dev.herald.api.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Tracing as it is by default (no OTLP endpoint, sampling 0): no exporter, nothing recorded, sends go out. */
class TracingOffIT extends HeraldIntegrationTest {

  @Autowired private ApplicationContext context;
  @Autowired private io.micrometer.tracing.Tracer tracer;

  @Test
  void byDefaultNothingIsExportedAndSendsGoOut() {
    assertThat(context.getBeanProvider(SpanExporter.class).stream()).isEmpty();
    var span = tracer.nextSpan().start();
    assertThat(span.isNoop()).as("sampled out: ids only").isTrue();
    span.end();

    String key = "tracing-off-1";
    assertThat(post("/api/v1/notifications", emailRequest(key, "Untraced", "untraced@it.example"), key)
        .getStatusCode().value()).isEqualTo(202);
    awaitStatus(notificationId(key), "COMPLETED");
    assertThat(mailsTo("untraced@it.example")).hasSize(1);
  }
}
