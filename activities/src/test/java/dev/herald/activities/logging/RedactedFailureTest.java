package dev.herald.activities.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RedactedFailureTest {

  @Test
  void aFailureIsLoggedByItsClassesAndStackWithoutItsMessages() {
    var cause = new IllegalArgumentException("not a number: +447700900123");
    var failure = new IllegalStateException("sending to ada@example.com failed", cause);

    RedactedFailure redacted = RedactedFailure.withoutMessages(failure);

    StringWriter printed = new StringWriter();
    redacted.printStackTrace(new PrintWriter(printed));
    assertThat(printed.toString()).contains("java.lang.IllegalStateException", "java.lang.IllegalArgumentException",
        "RedactedFailureTest.aFailureIsLoggedByItsClassesAndStackWithoutItsMessages")
        .doesNotContain("ada@example.com", "+447700900123");
    assertThat(redacted.getStackTrace()).isEqualTo(failure.getStackTrace());
  }

  @Test
  void aCauseCycleEnds() {
    var first = new RuntimeException("a");
    var second = new RuntimeException("b", first);
    first.initCause(second);

    assertThat(RedactedFailure.withoutMessages(first).getCause().getCause()).isNull();
  }
}
