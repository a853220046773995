package dev.herald.devkit.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a {@link DevServerStartException} as Boot's short "APPLICATION FAILED TO START" report. */
public class DevServerFailureAnalyzer extends AbstractFailureAnalyzer<DevServerStartException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, DevServerStartException cause) {
    String description = cause.getMessage().substring(0, cause.getMessage().length() - cause.action().length()).strip();
    return new FailureAnalysis(description, cause.action(), cause);
  }
}
