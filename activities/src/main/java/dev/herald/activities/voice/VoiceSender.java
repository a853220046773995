package dev.herald.activities.voice;

import dev.herald.activities.channel.ProviderSendException;

/** Places one automated call with a provider; returns the provider's call id. */
public interface VoiceSender {

  String call(VoiceCall call) throws ProviderSendException;
}
