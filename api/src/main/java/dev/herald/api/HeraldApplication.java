package dev.herald.api;

import dev.herald.worker.WorkerApplication;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Herald all-in-one: REST API, Kafka ingestion and the workers in one process. With no external
 * settings it runs on the embedded default (in-process Temporal, PostgreSQL, Kafka, SMTP sink);
 * {@code herald.worker.enabled=false} makes it API-only.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
    basePackages = {"dev.herald.api", "dev.herald.worker", "dev.herald.activities"},
    excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = WorkerApplication.class))
public class HeraldApplication {

  public static void main(String[] args) {
    SpringApplication.run(HeraldApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
