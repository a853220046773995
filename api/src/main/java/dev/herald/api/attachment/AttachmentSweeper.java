package dev.herald.api.attachment;

import dev.herald.activities.attachment.AttachmentProperties;
import dev.herald.activities.attachment.Attachments;
import dev.herald.activities.content.NotificationContents;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes expired uploads every {@code herald.attachments.sweep-interval}, a batch at a time until
 * none is left. Every API process sweeps; each row is swept by one of them (the rows are locked,
 * skipping those another holds). By the same rule as an upload's reference, it drops the content the door
 * kept for a notification the delivery log never recorded, after {@code herald.attachments.unreferenced-ttl}.
 */
@Component
class AttachmentSweeper implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AttachmentSweeper.class);

  private final Attachments attachments;
  private final AttachmentProperties settings;
  private final NotificationContents contents;
  private final Clock clock;
  private ScheduledExecutorService scheduler;

  AttachmentSweeper(Attachments attachments, AttachmentProperties settings, NotificationContents contents,
      Clock clock) {
    this.attachments = attachments;
    this.settings = settings;
    this.contents = contents;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "herald-attachment-sweeper");
      thread.setDaemon(true);
      return thread;
    });
    long every = settings.sweepInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    scheduler.shutdownNow();
    scheduler = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  private void sweep() {
    try {
      int swept;
      do {
        swept = attachments.sweepExpired();
        if (swept > 0) {
          log.info("deleted {} expired attachments", swept);
        }
      } while (swept == settings.sweepBatch() && !Thread.currentThread().isInterrupted());
    } catch (RuntimeException failed) {
      log.warn("sweeping expired attachments failed; again in {}", settings.sweepInterval(), failed);
    }
    try {
      int dropped = contents.sweepUnlogged(clock.instant().minus(settings.unreferencedTtl()));
      if (dropped > 0) {
        log.info("dropped the content of {} notification(s) never recorded", dropped);
      }
    } catch (RuntimeException failed) {
      log.warn("sweeping the content of unrecorded notifications failed; again in {}", settings.sweepInterval(), failed);
    }
  }
}
