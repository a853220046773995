package dev.herald.workflows.inapp;

import dev.herald.workflows.messages.InAppMessage;
import dev.herald.workflows.messages.ProviderReceipt;
import io.temporal.activity.ActivityInterface;

/** Puts items in recipients' in-app inboxes. Runs on the {@code in-app} task queue. */
@ActivityInterface
public interface InAppActivities {

  ProviderReceipt deliverInApp(InAppMessage message);
}
