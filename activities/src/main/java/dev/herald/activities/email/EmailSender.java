package dev.herald.activities.email;

import dev.herald.activities.channel.ProviderSendException;

/** Hands one email to a provider; returns the provider's message id. */
public interface EmailSender {

  String send(EmailMessage message) throws ProviderSendException;
}
