package dev.herald.api.notification;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.notification.NotificationIds;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The rules a request must meet, shared by the REST API and Kafka ingestion. */
@Component
class NotificationRequestValidator {

  /** Channels with a worker behind them. */
  static final Set<Channel> AVAILABLE_CHANNELS = EnumSet.of(Channel.EMAIL);
  private static final int MAX_SENDER_CHARS = 100;
  /** Clock skew tolerated on sendAt before it counts as in the past. */
  private static final long SKEW_SECONDS = 5;

  private final NotificationLimits limits;

  NotificationRequestValidator(NotificationLimits limits) {
    this.limits = limits;
  }

  List<FieldViolation> validate(SendNotificationRequest request, Instant now) {
    List<FieldViolation> violations = new ArrayList<>();
    if (request.idempotencyKey() == null || request.idempotencyKey().isBlank()) {
      violations.add(new FieldViolation("idempotencyKey", "is required (in the body or the Idempotency-Key header)"));
    } else if (!NotificationIds.isValidKey(request.idempotencyKey())) {
      violations.add(new FieldViolation("idempotencyKey",
          "must be 1-" + NotificationIds.MAX_KEY_LENGTH + " characters of A-Z a-z 0-9 . _ : @ -"));
    }
    if (request.sender() != null && (request.sender().isBlank() || request.sender().length() > MAX_SENDER_CHARS)) {
      violations.add(new FieldViolation("sender", "must be 1-" + MAX_SENDER_CHARS + " characters"));
    }
    validateChannels(request, violations);
    validateRecipients(request, violations);
    validateContent(request, violations);
    if (request.sendAt() != null) {
      if (request.sendAt().isBefore(now.minusSeconds(SKEW_SECONDS))) {
        violations.add(new FieldViolation("sendAt", "is in the past (now is " + now + ")"));
      } else if (request.sendAt().isAfter(now.plus(limits.maxSchedule()))) {
        violations.add(new FieldViolation("sendAt", "is more than " + limits.maxSchedule().toDays() + " days ahead"));
      }
    }
    return violations;
  }

  private void validateChannels(SendNotificationRequest request, List<FieldViolation> violations) {
    if (request.channels() == null || request.channels().isEmpty()) {
      violations.add(new FieldViolation("channels", "at least one channel is required, e.g. [\"EMAIL\"]"));
      return;
    }
    for (int i = 0; i < request.channels().size(); i++) {
      Channel channel = request.channels().get(i);
      if (channel == null) {
        violations.add(new FieldViolation("channels[" + i + "]", "must not be null"));
      } else if (!AVAILABLE_CHANNELS.contains(channel)) {
        violations.add(new FieldViolation("channels[" + i + "]",
            "channel " + channel + " is not available yet; available: " + AVAILABLE_CHANNELS));
      }
    }
  }

  private void validateRecipients(SendNotificationRequest request, List<FieldViolation> violations) {
    if (request.recipients() == null || request.recipients().isEmpty()) {
      violations.add(new FieldViolation("recipients", "at least one recipient is required"));
      return;
    }
    if (request.recipients().size() > limits.maxRecipients()) {
      violations.add(new FieldViolation("recipients",
          "at most " + limits.maxRecipients() + " recipients per request; got " + request.recipients().size()));
      return;
    }
    boolean email = request.channels() != null && request.channels().contains(Channel.EMAIL);
    for (int i = 0; i < request.recipients().size(); i++) {
      var recipient = request.recipients().get(i);
      String field = "recipients[" + i + "]";
      if (recipient == null) {
        violations.add(new FieldViolation(field, "must not be null"));
      } else if (email && !isEmailAddress(recipient.email())) {
        violations.add(new FieldViolation(field + ".email",
            recipient.email() == null ? "is required for the EMAIL channel" : "is not a valid email address"));
      }
    }
  }

  private void validateContent(SendNotificationRequest request, List<FieldViolation> violations) {
    if (request.channels() != null && request.channels().contains(Channel.EMAIL)) {
      if (request.subject() == null || request.subject().isBlank()) {
        violations.add(new FieldViolation("subject", "is required for the EMAIL channel"));
      } else if (request.subject().length() > limits.maxSubjectChars()) {
        violations.add(new FieldViolation("subject", "is longer than " + limits.maxSubjectChars() + " characters"));
      } else if (request.subject().contains("\r") || request.subject().contains("\n")) {
        violations.add(new FieldViolation("subject", "must be a single line"));
      }
    }
    if (request.body() == null || request.body().isBlank()) {
      violations.add(new FieldViolation("body", "is required"));
    } else if (request.body().length() > limits.maxBodyChars()) {
      violations.add(new FieldViolation("body",
          "is too large: " + request.body().length() + " characters, the limit is " + limits.maxBodyChars()));
    }
  }

  /** A bare address (no display name) with a local part and a domain. */
  static boolean isEmailAddress(String value) {
    if (value == null || value.isBlank() || value.length() > 254) {
      return false;
    }
    try {
      InternetAddress address = new InternetAddress(value, true);
      String parsed = address.getAddress();
      int at = parsed.lastIndexOf('@');
      return parsed.equals(value) && at > 0 && parsed.indexOf('.', at) > at + 1 && !parsed.endsWith(".");
    } catch (AddressException e) {
      return false;
    }
  }
}
