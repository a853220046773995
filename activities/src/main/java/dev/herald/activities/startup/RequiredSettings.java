package dev.herald.activities.startup;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * The settings an app cannot run without: the infrastructure it connects to and the keys that
 * encrypt what it writes to Temporal. Checked once the configuration is read, before anything starts,
 * so that a missing one is named instead of failing later in some connection.
 *
 * @param app the app in words, e.g. "Herald's API"
 * @param settings what it needs
 * @param instead what to do besides setting them (e.g. the dev kit's command)
 */
public record RequiredSettings(String app, List<Setting> settings, String instead)
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

  /**
   * A property, the environment variable that sets it, and what it names; {@code requiredWith} (a
   * property, or null for always): required only where that one is set.
   */
  public record Setting(String property, String variable, String meaning, String requiredWith) {

    public Setting(String property, String variable, String meaning) {
      this(property, variable, meaning, null);
    }

    boolean required(Environment environment) {
      return requiredWith == null || !environment.getProperty(requiredWith, "").isBlank();
    }

    @Override
    public String toString() {
      return property + " (" + variable + "): " + meaning;
    }
  }

  public static final Setting TEMPORAL =
      new Setting("herald.temporal.address", "TEMPORAL_ADDRESS", "the Temporal cluster, e.g. temporal:7233");
  public static final Setting POSTGRES =
      new Setting("spring.datasource.url", "JDBC_URL", "the PostgreSQL database, e.g. jdbc:postgresql://db:5432/herald");
  public static final Setting KAFKA =
      new Setting("spring.kafka.bootstrap-servers", "KAFKA_BOOTSTRAP_SERVERS", "the Kafka brokers, e.g. kafka:9092");
  /** No default key: one shipped with Herald would encrypt nothing. */
  public static final Setting PAYLOAD_KEYS = new Setting("herald.temporal.encryption.keys", "TEMPORAL_PAYLOAD_KEYS",
      "the keys that encrypt Temporal payloads, e.g. 2025-01:<base64 of 32 random bytes, `openssl rand -base64 32`>, "
          + "the same in every process of this Herald");

  /** Every email carries a List-Unsubscribe link (RFC 8058): where recipients reach Herald, and its keys. */
  public static final Setting PUBLIC_URL = new Setting("herald.public-url", "HERALD_PUBLIC_URL",
      "Herald's public base URL, e.g. https://herald.example.com, for the unsubscribe link every email carries "
          + "(needed with an SMTP server)", "herald.email.smtp.host");
  public static final Setting LINK_KEYS = new Setting("herald.preferences.links.keys", "HERALD_PREFERENCE_LINK_KEYS",
      "the keys that sign unsubscribe links, e.g. 2025-01:<base64 of 32 random bytes, `openssl rand -base64 32`>, "
          + "the same in the API and every worker that sends email (needed with an SMTP server)", "herald.email.smtp.host");

  /** The dev kit's run command: everything embedded. */
  public static final String DEV_KIT = "mvn -pl devkit -am spring-boot:run";

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    List<Setting> missing = missing(event.getEnvironment());
    if (!missing.isEmpty()) {
      throw new StartupFailure(app + " runs on the infrastructure and with the keys its settings name, and these are "
          + "not set:"
          + missing.stream().map(setting -> "\n  - " + setting).collect(Collectors.joining()),
          "Set each, as the property or its environment variable. " + instead);
    }
  }

  public List<Setting> missing(Environment environment) {
    return settings.stream()
        .filter(setting -> setting.required(environment) && environment.getProperty(setting.property(), "").isBlank())
        .toList();
  }
}
