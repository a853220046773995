package dev.herald.activities.email;

import dev.herald.activities.provider.ProviderSendException;
import dev.herald.workflows.email.EmailActivities;
import dev.herald.workflows.messages.EmailMessage;
import dev.herald.workflows.messages.ProviderReceipt;
import io.temporal.activity.Activity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The email channel activity: one send through the configured {@link EmailSender}. */
@Component
public class EmailActivitiesImpl implements EmailActivities {

  private static final Logger log = LoggerFactory.getLogger(EmailActivitiesImpl.class);

  private final EmailSender sender;

  public EmailActivitiesImpl(EmailSender sender) {
    this.sender = sender;
  }

  @Override
  public ProviderReceipt sendEmail(EmailMessage message) {
    int attempt = Activity.getExecutionContext().getInfo().getAttempt();
    try {
      return new ProviderReceipt(sender.send(message), attempt);
    } catch (ProviderSendException e) {
      log.warn("email delivery {} attempt {} failed: {} {}", message.deliveryId(), attempt, e.type(), e.providerCode());
      throw e.toActivityFailure(attempt);
    }
  }
}
