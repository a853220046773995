package dev.herald.worker;

import dev.herald.activities.startup.RequiredSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The worker on its own (production): hosts the notification workflow and the channel activities,
 * connected to the Temporal cluster at {@code TEMPORAL_ADDRESS} and the PostgreSQL at {@code JDBC_URL},
 * its payloads encrypted with {@code TEMPORAL_PAYLOAD_KEYS} ({@link #REQUIRED}). Configuration: herald-worker.yml.
 */
@SpringBootApplication(scanBasePackages = {"dev.herald.worker", "dev.herald.activities"})
public class WorkerApplication {

  /** Temporal, PostgreSQL and the payload keys, and with an SMTP server the public URL and link keys, named when missing (a worker needs no Kafka). */
  static final RequiredSettings REQUIRED = new RequiredSettings("Herald's worker",
      List.of(RequiredSettings.TEMPORAL, RequiredSettings.POSTGRES, RequiredSettings.PAYLOAD_KEYS,
          RequiredSettings.PUBLIC_URL, RequiredSettings.LINK_KEYS),
      "A worker joins a Herald whose API runs on real infrastructure (docs/operations.md).");

  public static void main(String[] args) {
    run(args);
  }

  /** Starts the worker; {@code overrides} are command-line style properties ({@code --name=value}). */
  public static ConfigurableApplicationContext run(String[] args, String... overrides) {
    SpringApplication app = new SpringApplication(WorkerApplication.class);
    app.setDefaultProperties(Map.of("spring.config.name", "herald-worker"));
    app.addListeners(REQUIRED);
    String[] all = Arrays.copyOf(args, args.length + overrides.length);
    System.arraycopy(overrides, 0, all, args.length, overrides.length);
    return app.run(all);
  }
}
