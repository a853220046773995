package dev.herald.api;

import dev.herald.activities.startup.RequiredSettings;
import dev.herald.worker.WorkerApplication;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Herald's API: REST API, Kafka ingestion and webhooks, with the workers in the same process unless
 * {@code herald.worker.enabled=false}. It runs on the infrastructure its settings name
 * ({@link #REQUIRED}); the dev kit's app ({@code devkit/}) runs it on the embedded default.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
    basePackages = {"dev.herald.api", "dev.herald.worker", "dev.herald.activities"},
    excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = WorkerApplication.class))
public class HeraldApplication {

  /** Temporal, PostgreSQL, Kafka and the payload keys, named when missing; the dev kit has them all embedded. */
  static final RequiredSettings REQUIRED = new RequiredSettings("Herald's API",
      List.of(RequiredSettings.TEMPORAL, RequiredSettings.POSTGRES, RequiredSettings.KAFKA, RequiredSettings.PAYLOAD_KEYS,
          RequiredSettings.PUBLIC_URL, RequiredSettings.LINK_KEYS),
      "To try Herald with everything embedded instead, run the dev kit: " + RequiredSettings.DEV_KIT);

  public static void main(String[] args) {
    application().run(args);
  }

  /** The API as deployed: it does not start without the settings of its infrastructure, and names them. */
  static SpringApplication application() {
    SpringApplication app = new SpringApplication(HeraldApplication.class);
    app.addListeners(REQUIRED);
    return app;
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
