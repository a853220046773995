package dev.herald.activities.email;

import dev.herald.activities.provider.ProviderSendException;
import static dev.herald.activities.email.EmailFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.herald.workflows.email.EmailActivities;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.EmailMessage;
import dev.herald.workflows.messages.ProviderReceipt;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The email activity as Temporal runs it, over a fake {@link EmailSender}. */
class EmailActivitiesImplTest {

  private static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build();

  private TestActivityEnvironment environment;

  @BeforeEach
  void startEnvironment() {
    environment = TestActivityEnvironment.newInstance();
  }

  @AfterEach
  void closeEnvironment() {
    environment.close();
  }

  @Test
  void successReturnsTheProviderMessageIdAndTheAttempt() {
    AtomicReference<EmailMessage> handed = new AtomicReference<>();
    AtomicInteger attemptSeen = new AtomicInteger(-1);
    EmailActivities activities = activitiesOver(message -> {
      handed.set(message);
      attemptSeen.set(Activity.getExecutionContext().getInfo().getAttempt());
      return "<provider-42@herald>";
    });
    EmailMessage message = message("notification-n1/email/0");

    ProviderReceipt receipt = activities.sendEmail(message);

    assertThat(handed.get()).isEqualTo(message);
    assertThat(receipt.providerMessageId()).isEqualTo("<provider-42@herald>");
    assertThat(receipt.attempt()).isEqualTo(attemptSeen.get());
  }

  @ParameterizedTest
  @EnumSource(value = DeliveryErrorType.class, names = {"INVALID_ADDRESS", "MESSAGE_REJECTED"})
  void permanentFailureIsANonRetryableApplicationFailureWithTheDeliveryError(DeliveryErrorType type) {
    EmailActivities activities = activitiesOver(message -> {
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
    EmailActivities activities = activitiesOver(message -> {
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
    EmailActivities activities = activitiesOver(message -> {
      throw new ProviderSendException(DeliveryErrorType.PROVIDER_UNAVAILABLE, null, "connection refused", null);
    });

    DeliveryError error = failureOf(activities).getDetails().get(DeliveryError.class);

    assertThat(error.providerCode()).isNull();
    assertThat(error.message()).isEqualTo("connection refused");
  }

  private EmailActivities activitiesOver(EmailSender sender) {
    environment.registerActivitiesImplementations(new EmailActivitiesImpl(sender));
    return environment.newActivityStub(EmailActivities.class, OPTIONS);
  }

  private static ApplicationFailure failureOf(EmailActivities activities) {
    ActivityFailure failure =
        catchThrowableOfType(ActivityFailure.class, () -> activities.sendEmail(message("notification-n1/email/0")));
    assertThat(failure.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) failure.getCause();
  }
}
