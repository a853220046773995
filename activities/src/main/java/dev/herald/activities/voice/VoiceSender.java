package dev.herald.activities.voice;

import dev.herald.activities.provider.ProviderSendException;
import dev.herald.workflows.messages.VoiceCall;

/** Places one automated call with a provider; returns the provider's call id. */
public interface VoiceSender {

  String call(VoiceCall call) throws ProviderSendException;
}
