package dev.herald.activities.sms;

import dev.herald.activities.channel.ProviderSendException;

/** Hands one SMS to a provider; returns the provider's message id. */
public interface SmsSender {

  String send(SmsMessage message) throws ProviderSendException;
}
