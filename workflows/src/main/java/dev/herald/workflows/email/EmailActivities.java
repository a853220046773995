package dev.herald.workflows.email;

import dev.herald.workflows.messages.EmailMessage;
import dev.herald.workflows.messages.ProviderReceipt;
import io.temporal.activity.ActivityInterface;

/**
 * Sends email. Runs on the {@code email} task queue. Permanent failures are thrown as
 * non-retryable {@code ApplicationFailure}s whose type is a {@code DeliveryErrorType} name and whose
 * details are a {@code DeliveryError}.
 */
@ActivityInterface
public interface EmailActivities {

  ProviderReceipt sendEmail(EmailMessage message);
}
