package dev.herald.activities.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start-up failure is reported as what is wrong and what to do, also when a bean's creation wraps it. */
class StartupFailureAnalyzerTest {

  @Test
  void reportsTheDescriptionAndTheActionOfAWrappedFailure() {
    var failure = new StartupFailure("herald.x (X) is not set.", "Set X.");

    FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(new BeanCreationException("someBean", "failed", failure));

    assertThat(analysis.getDescription()).isEqualTo("herald.x (X) is not set.");
    assertThat(analysis.getAction()).isEqualTo("Set X.");
  }
}
