package dev.herald.workflows.push;

import dev.herald.workflows.messages.ProviderReceipt;
import dev.herald.workflows.messages.PushMessage;
import io.temporal.activity.ActivityInterface;

/** Pushes to browsers and phones. Runs on the {@code push} task queue. */
@ActivityInterface
public interface PushActivities {

  ProviderReceipt sendPush(PushMessage message);
}
