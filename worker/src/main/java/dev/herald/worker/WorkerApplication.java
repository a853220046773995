package dev.herald.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The worker on its own (production): hosts the notification workflow and the channel activities,
 * connected to the Temporal cluster at {@code TEMPORAL_ADDRESS}. Configuration: herald-worker.yml.
 */
@SpringBootApplication(scanBasePackages = {"dev.herald.worker", "dev.herald.activities"})
public class WorkerApplication {

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(WorkerApplication.class);
    app.setDefaultProperties(java.util.Map.of("spring.config.name", "herald-worker"));
    app.run(args);
  }
}
