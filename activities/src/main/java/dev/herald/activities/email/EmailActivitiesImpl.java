package dev.herald.activities.email;

import dev.herald.workflows.email.EmailActivities;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.EmailMessage;
import dev.herald.workflows.messages.ProviderReceipt;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
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
    } catch (EmailSendException e) {
      var error = new DeliveryError(e.type(), e.providerCode(), e.getMessage(), attempt);
      log.warn("email delivery {} attempt {} failed: {} {}", message.deliveryId(), attempt, e.type(), e.providerCode());
      throw e.type().retryable()
          ? ApplicationFailure.newFailureWithCause(e.getMessage(), e.type().name(), null, error)
          : ApplicationFailure.newNonRetryableFailureWithCause(e.getMessage(), e.type().name(), null, error);
    }
  }
}
