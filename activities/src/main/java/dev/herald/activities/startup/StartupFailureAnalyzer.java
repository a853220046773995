package dev.herald.activities.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a {@link StartupFailure} as its description and action instead of a stack trace. */
public class StartupFailureAnalyzer extends AbstractFailureAnalyzer<StartupFailure> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StartupFailure cause) {
    return new FailureAnalysis(cause.description(), cause.action(), cause);
  }
}
