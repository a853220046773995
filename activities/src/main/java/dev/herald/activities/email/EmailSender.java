package dev.herald.activities.email;

import dev.herald.workflows.messages.EmailMessage;

/** Hands one email to a provider; returns the provider's message id. */
public interface EmailSender {

  String send(EmailMessage message) throws EmailSendException;
}
