package dev.herald.workflows.voice;

import dev.herald.workflows.messages.ProviderReceipt;
import dev.herald.workflows.messages.VoiceCall;
import io.temporal.activity.ActivityInterface;

/** Places automated calls. Runs on the {@code voice} task queue. */
@ActivityInterface
public interface VoiceActivities {

  ProviderReceipt placeCall(VoiceCall call);
}
