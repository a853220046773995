package dev.herald.activities.email;

import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.activities.channel.ProviderSendException;
import static dev.herald.activities.email.EmailFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import io.temporal.failure.ApplicationFailure;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The email channel over a fake {@link EmailSender}: what it answers and how it fails. */
class EmailChannelTest {

  @Test
  void successReturnsTheProviderMessageIdAndTheAttempt() {
    AtomicReference<EmailMessage> handed = new AtomicReference<>();
    EmailChannel activities = activitiesOver(message -> {
      handed.set(message);
      return "<provider-42@herald>";
    });
    EmailMessage message = message("notification-n1/email/0");

    ProviderReceipt receipt = activities.sendEmail(message, 3);

    assertThat(handed.get()).isEqualTo(message);
    assertThat(receipt.providerMessageId()).isEqualTo("<provider-42@herald>");
    assertThat(receipt.attempt()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(value = DeliveryErrorType.class, names = {"INVALID_ADDRESS", "MESSAGE_REJECTED"})
  void permanentFailureIsANonRetryableApplicationFailureWithTheDeliveryError(DeliveryErrorType type) {
    EmailChannel activities = activitiesOver(message -> {
      throw new ProviderSendException(type, "smtp-550", "mailbox unknown", null);
    });

    ApplicationFailure failure = failureOf(activities);

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(type.name());
    assertThat(failure.getOriginalMessage()).isEqualTo("mailbox unknown");
    DeliveryError error = failure.getDetails().get(DeliveryError.class);
    assertThat(error.type()).isEqualTo(type);
    assertThat(error.providerCode()).isEqualTo("smtp-550");
    assertThat(error.message()).isEqualTo("mailbox unknown");
  }

  @ParameterizedTest
  @EnumSource(value = DeliveryErrorType.class, names = {"PROVIDER_UNAVAILABLE", "RATE_LIMITED"})
  void transientFailureIsARetryableApplicationFailureWithTheDeliveryError(DeliveryErrorType type) {
    EmailChannel activities = activitiesOver(message -> {
      throw new ProviderSendException(type, "smtp-451", "try again later", null);
    });

    ApplicationFailure failure = failureOf(activities);

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo(type.name());
    DeliveryError error = failure.getDetails().get(DeliveryError.class);
    assertThat(error.type()).isEqualTo(type);
    assertThat(error.providerCode()).isEqualTo("smtp-451");
  }

  @Test
  void failureWithoutAProviderCodeCarriesNone() {
    EmailChannel activities = activitiesOver(message -> {
      throw new ProviderSendException(DeliveryErrorType.PROVIDER_UNAVAILABLE, null, "connection refused", null);
    });

    DeliveryError error = failureOf(activities).getDetails().get(DeliveryError.class);

    assertThat(error.providerCode()).isNull();
    assertThat(error.message()).isEqualTo("connection refused");
  }

  private EmailChannel activitiesOver(EmailSender sender) {
    return new EmailChannel(sender, EmailFixtures.noLinks());
  }

  private static ApplicationFailure failureOf(EmailChannel activities) {
    return catchThrowableOfType(ApplicationFailure.class, () -> activities.sendEmail(message("notification-n1/email/0"), 1));
  }
}
