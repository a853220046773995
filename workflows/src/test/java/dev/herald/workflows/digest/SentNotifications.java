package dev.herald.workflows.digest;

import dev.herald.workflows.messages.ApprovalSignal;
import dev.herald.workflows.messages.NotificationProgress;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.notification.NotificationWorkflow;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A notification workflow that only records what a digest started it with (the digest's view of a send). */
public class SentNotifications implements NotificationWorkflow {

  static final List<NotificationSpec> STARTED = new CopyOnWriteArrayList<>();

  @Override
  public NotificationResult send(NotificationSpec spec) {
    STARTED.add(spec);
    return new NotificationResult(spec.id(), NotificationStatus.COMPLETED, 1, 0, 0, 0, 0, null);
  }

  @Override
  public void decide(ApprovalSignal decision) {}

  @Override
  public void pause() {}

  @Override
  public void resume() {}

  @Override
  public NotificationProgress progress() {
    return null;
  }
}
