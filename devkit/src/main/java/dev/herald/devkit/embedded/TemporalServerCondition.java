package dev.herald.devkit.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * No {@code TEMPORAL_ADDRESS}: the Temporal CLI's dev server or the in-process test server, as
 * {@code herald.temporal.dev-server} and the installed CLI decide (see {@link DevServerMode}).
 */
abstract class TemporalServerCondition extends SpringBootCondition {

  static boolean usesDevServer(Environment environment) {
    DevServerMode mode = Binder.get(environment).bind("herald.temporal.dev-server", DevServerMode.class)
        .orElse(DevServerMode.AUTO);
    return mode.usesCli(() -> TemporalCli.onThisMachine().find());
  }

  static boolean addressConfigured(Environment environment) {
    return !environment.getProperty("herald.temporal.address", "").isBlank();
  }

  /** Whether the server this condition stands for is the one to start: {@code devServer} or the in-process one. */
  static ConditionOutcome outcome(ConditionContext context, boolean devServer) {
    Environment environment = context.getEnvironment();
    if (addressConfigured(environment)) {
      return ConditionOutcome.noMatch("herald.temporal.address is set");
    }
    boolean usesDevServer = usesDevServer(environment);
    String chosen = usesDevServer ? "no Temporal address; the Temporal CLI's dev server"
        : "no Temporal address; in-process test server";
    return usesDevServer == devServer ? ConditionOutcome.match(chosen) : ConditionOutcome.noMatch(chosen);
  }

  /** Start the CLI's dev server. */
  static final class DevServer extends TemporalServerCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return outcome(context, true);
    }
  }

  /** A Temporal that keeps history across restarts: the one at the configured address, or the CLI's dev server. */
  static final class KeepsHistory extends TemporalServerCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      if (addressConfigured(context.getEnvironment())) {
        return ConditionOutcome.match("herald.temporal.address is set");
      }
      return outcome(context, true);
    }
  }

  /** Start the in-process test server. */
  static final class InProcess extends TemporalServerCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return outcome(context, false);
    }
  }
}
