package dev.herald.api.notification;

import dev.herald.activities.recipient.RecipientRules;
import dev.herald.activities.sms.PhoneNumbers;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Recipient;
import dev.herald.workflows.messages.ChannelMode;
import dev.herald.workflows.notification.NotificationIds;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The rules a request must meet, shared by the REST API and Kafka ingestion. */
@Component
class NotificationRequestValidator {

  private static final int MAX_SENDER_CHARS = 100;
  private static final int MAX_ID_CHARS = 200;
  private static final int MAX_TOKEN_CHARS = 4096;
  private static final int MAX_GROUP_KEY_CHARS = 100;
  /** Clock skew tolerated on sendAt before it counts as in the past. */
  private static final long SKEW_SECONDS = 5;

  private final NotificationSettings settings;

  NotificationRequestValidator(NotificationSettings settings) {
    this.settings = settings;
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
    boolean channelsValid = validateChannels(request, violations);
    if (channelsValid) {
      validateRecipients(request, violations);
    }
    validateContent(request, violations);
    if (request.sendAt() != null) {
      if (request.sendAt().isBefore(now.minusSeconds(SKEW_SECONDS))) {
        violations.add(new FieldViolation("sendAt", "is in the past (now is " + now + ")"));
      } else if (request.sendAt().isAfter(now.plus(settings.maxSchedule()))) {
        violations.add(new FieldViolation("sendAt", "is more than " + settings.maxSchedule().toDays() + " days ahead"));
      }
    }
    return violations;
  }

  private boolean validateChannels(SendNotificationRequest request, List<FieldViolation> violations) {
    if (request.channels() == null || request.channels().isEmpty()) {
      violations.add(new FieldViolation("channels", "at least one channel is required, e.g. [\"EMAIL\"]"));
      return false;
    }
    boolean valid = true;
    for (int i = 0; i < request.channels().size(); i++) {
      Channel channel = request.channels().get(i);
      if (channel == null) {
        violations.add(new FieldViolation("channels[" + i + "]", "must not be null"));
        valid = false;
      } else if (!settings.channels().contains(channel)) {
        violations.add(new FieldViolation("channels[" + i + "]",
            "channel " + channel + " is not enabled here; enabled: " + settings.channels()));
        valid = false;
      }
    }
    if (new HashSet<>(request.channels()).size() < request.channels().size()) {
      violations.add(new FieldViolation("channels", "lists a channel twice"));
      valid = false;
    }
    return valid;
  }

  private void validateRecipients(SendNotificationRequest request, List<FieldViolation> violations) {
    if (request.group() != null) {
      validateGroup(request, violations);
      return;
    }
    if (request.recipients() == null || request.recipients().isEmpty()) {
      violations.add(new FieldViolation("recipients", "at least one recipient is required (or a group)"));
      return;
    }
    if (request.recipients().size() > settings.maxRecipients()) {
      violations.add(new FieldViolation("recipients",
          "at most " + settings.maxRecipients() + " recipients per request; got " + request.recipients().size()));
      return;
    }
    boolean fallback = request.channelMode() == ChannelMode.FALLBACK;
    for (int i = 0; i < request.recipients().size(); i++) {
      var recipient = request.recipients().get(i);
      String field = "recipients[" + i + "]";
      if (recipient == null) {
        violations.add(new FieldViolation(field, "must not be null"));
        continue;
      }
      List<FieldViolation> malformed = malformedAddresses(recipient, field);
      violations.addAll(malformed);
      List<Channel> missing = request.channels().stream().filter(c -> !hasAddressFor(recipient, c)).toList();
      boolean reachable = missing.size() < request.channels().size();
      if (malformed.isEmpty() && !fallback && !missing.isEmpty()) {
        violations.add(new FieldViolation(field + "." + addressField(missing.get(0)),
            "is required for the " + missing.get(0) + " channel"));
      } else if (malformed.isEmpty() && fallback && !reachable) {
        violations.add(new FieldViolation(field, "has no address for any of the channels " + request.channels()));
      }
    }
  }

  /** A group's members and their addresses are checked when it is looked up, and again per delivery. */
  private static void validateGroup(SendNotificationRequest request, List<FieldViolation> violations) {
    if (request.recipients() != null) {
      violations.add(new FieldViolation("group", "give either recipients or a group, not both"));
    } else if (request.group().isBlank() || request.group().length() > MAX_GROUP_KEY_CHARS) {
      violations.add(new FieldViolation("group", "must be a group key of 1-" + MAX_GROUP_KEY_CHARS + " characters"));
    }
  }

  private List<FieldViolation> malformedAddresses(SendNotificationRequest.RecipientAddress recipient, String field) {
    List<FieldViolation> violations = new ArrayList<>();
    if (recipient.email() != null && !isEmailAddress(recipient.email())) {
      violations.add(new FieldViolation(field + ".email", "is not a valid email address"));
    }
    if (recipient.phone() != null && PhoneNumbers.toE164(recipient.phone(), settings.defaultPhoneRegion()).isEmpty()) {
      violations.add(new FieldViolation(field + ".phone",
          "is not a valid phone number; use international format, e.g. +14155550100"));
    }
    if (recipient.id() != null && (recipient.id().isBlank() || recipient.id().length() > MAX_ID_CHARS)) {
      violations.add(new FieldViolation(field + ".id", "must be 1-" + MAX_ID_CHARS + " characters"));
    }
    if (recipient.pushToken() != null
        && (recipient.pushToken().isBlank() || recipient.pushToken().length() > MAX_TOKEN_CHARS)) {
      violations.add(new FieldViolation(field + ".pushToken", "must be 1-" + MAX_TOKEN_CHARS + " characters"));
    }
    if (recipient.slack() != null && !RecipientRules.isSlackId(recipient.slack())) {
      violations.add(new FieldViolation(field + ".slack", RecipientRules.SLACK_ID_RULE));
    }
    if (recipient.locale() != null && Locale.forLanguageTag(recipient.locale()).getLanguage().isEmpty()) {
      violations.add(new FieldViolation(field + ".locale", "is not a BCP 47 language tag such as ko-KR"));
    }
    return violations;
  }

  private static boolean hasAddressFor(SendNotificationRequest.RecipientAddress recipient, Channel channel) {
    return Channels.of(channel).address()
        .of(new Recipient(recipient.id(), recipient.email(), recipient.phone(), recipient.pushToken(), null,
            recipient.slack())) != null;
  }

  private static String addressField(Channel channel) {
    return Channels.of(channel).address().field();
  }

  private void validateContent(SendNotificationRequest request, List<FieldViolation> violations) {
    if (request.template() != null) {
      if (request.subject() != null || request.body() != null) {
        violations.add(new FieldViolation("template", "give either a template or subject/body, not both"));
      }
      if (request.templateVersion() != null && request.templateVersion() < 1) {
        violations.add(new FieldViolation("templateVersion", "must be 1 or more"));
      }
      return;
    }
    if (request.variables() != null || request.templateVersion() != null) {
      violations.add(new FieldViolation("template", "is required with variables or templateVersion"));
    }
    if (request.channels() != null && request.channels().contains(Channel.EMAIL)) {
      if (request.subject() == null || request.subject().isBlank()) {
        violations.add(new FieldViolation("subject", "is required for the EMAIL channel"));
      }
    }
    if (request.subject() != null) {
      if (request.subject().length() > settings.maxSubjectChars()) {
        violations.add(new FieldViolation("subject", "is longer than " + settings.maxSubjectChars() + " characters"));
      } else if (request.subject().contains("\r") || request.subject().contains("\n")) {
        violations.add(new FieldViolation("subject", "must be a single line"));
      }
    }
    if (request.body() == null || request.body().isBlank()) {
      violations.add(new FieldViolation("body", "is required (or a template)"));
    } else if (request.body().length() > settings.maxBodyChars()) {
      violations.add(new FieldViolation("body",
          "is too large: " + request.body().length() + " characters, the limit is " + settings.maxBodyChars()));
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
