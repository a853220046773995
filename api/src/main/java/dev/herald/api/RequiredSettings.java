package dev.herald.api;

import dev.herald.activities.startup.StartupFailure;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * The settings the API cannot run without: the infrastructure it connects to. Checked once the
 * configuration is read, before anything starts, so that a missing one is named instead of failing
 * later in some connection. Only the dev kit's app, which starts its own, runs without them.
 */
final class RequiredSettings implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

  /** A property, the environment variable that sets it, and what it names. */
  record Setting(String property, String variable, String meaning) {

    @Override
    public String toString() {
      return property + " (" + variable + "): " + meaning;
    }
  }

  static final List<Setting> INFRASTRUCTURE = List.of(
      new Setting("herald.temporal.address", "TEMPORAL_ADDRESS", "the Temporal cluster, e.g. temporal:7233"),
      new Setting("spring.datasource.url", "JDBC_URL", "the PostgreSQL database, e.g. jdbc:postgresql://db:5432/herald"),
      new Setting("spring.kafka.bootstrap-servers", "KAFKA_BOOTSTRAP_SERVERS", "the Kafka brokers, e.g. kafka:9092"));

  static final String DEV_KIT = "mvn -pl devkit -am spring-boot:run";

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    List<Setting> missing = missing(event.getEnvironment());
    if (!missing.isEmpty()) {
      throw new StartupFailure("Herald's API runs on the infrastructure its settings name, and these are not set:"
          + missing.stream().map(setting -> "\n  - " + setting).collect(Collectors.joining()),
          "Set each, as the property or its environment variable. To try Herald with everything embedded "
              + "instead, run the dev kit: " + DEV_KIT);
    }
  }

  static List<Setting> missing(Environment environment) {
    return INFRASTRUCTURE.stream().filter(setting -> environment.getProperty(setting.property(), "").isBlank())
        .toList();
  }
}
