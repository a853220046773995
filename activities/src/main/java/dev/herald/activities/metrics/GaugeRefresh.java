package dev.herald.activities.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Refreshes the gauges that ask PostgreSQL, Temporal or Kafka, on one thread every
 * {@code herald.metrics.refresh-interval}: a scrape reads their last answer and never runs a query.
 */
@Component
@EnableConfigurationProperties(MetricsProperties.class)
public class GaugeRefresh implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(GaugeRefresh.class);

  private record Task(String what, Runnable refresh) {}

  private final MetricsProperties properties;
  private final List<Task> tasks = new CopyOnWriteArrayList<>();
  private volatile ScheduledExecutorService executor;

  GaugeRefresh(MetricsProperties properties) {
    this.properties = properties;
  }

  /** Runs {@code refresh} on every tick from the start on; a failure is logged and the gauge keeps its last value. */
  public void every(String what, Runnable refresh) {
    tasks.add(new Task(what, refresh));
  }

  @Override
  public synchronized void start() {
    executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "herald-metrics");
      thread.setDaemon(true);
      return thread;
    });
    long interval = properties.refreshInterval().toMillis();
    executor.scheduleWithFixedDelay(this::refreshAll, 0, interval, TimeUnit.MILLISECONDS);
  }

  private void refreshAll() {
    for (Task task : tasks) {
      try {
        task.refresh().run();
      } catch (RuntimeException failed) {
        log.debug("metrics: refreshing {} failed: {}", task.what(), failed.toString());
      }
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }
}
