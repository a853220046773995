package dev.herald.api.notification;

import dev.herald.activities.preference.Category;
import dev.herald.api.template.TemplateRequests;
import dev.herald.activities.email.EmailAddresses;
import dev.herald.activities.push.PushDevices;
import dev.herald.activities.recipient.RecipientRules;
import dev.herald.activities.sms.PhoneNumbers;
import dev.herald.activities.text.TextRules;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelMode;
import dev.herald.workflows.messages.Recipient;
import dev.herald.workflows.notification.NotificationIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The rules a request must meet, shared by the REST API and Kafka ingestion: every field is checked
 * against every place it ends up (docs/input-rules.md), its text by {@link TextRules}.
 */
@Component
class NotificationRequestValidator {

  static final int MAX_SENDER_CHARS = 100;
  static final int MAX_GROUP_KEY_CHARS = 100;
  static final int MAX_TEMPLATE_KEY_CHARS = 100;
  /** Template variables as JSON: they travel in the workflow's input. */
  static final int MAX_VARIABLES_CHARS = 65_536;
  /** Clock skew tolerated on sendAt before it counts as in the past. */
  private static final long SKEW_SECONDS = 5;

  static final java.time.Duration MIN_ESCALATION_WAIT = java.time.Duration.ofSeconds(1);
  static final java.time.Duration MAX_ESCALATION_WAIT = java.time.Duration.ofDays(7);

  private final NotificationSettings settings;

  NotificationRequestValidator(NotificationSettings settings) {
    this.settings = settings;
  }

  /** The text of every field the request gives itself: checked before anything is looked up by it. */
  List<FieldViolation> validateText(SendNotificationRequest request, KeySource keySource) {
    List<FieldViolation> violations = new ArrayList<>();
    key(request, keySource, violations);
    check(violations, "sender", TextRules.line(request.sender(), MAX_SENDER_CHARS));
    check(violations, "group", TextRules.line(request.group(), MAX_GROUP_KEY_CHARS));
    check(violations, "template", TextRules.line(request.template(), MAX_TEMPLATE_KEY_CHARS));
    if (request.category() != null && !request.category().matches(Category.NAME)) {
      violations.add(new FieldViolation("category", TemplateRequests.CATEGORY_RULE));
    }
    check(violations, "subject", TextRules.line(request.subject(), settings.maxSubjectChars()));
    check(violations, "body", TextRules.text(request.body(), settings.maxBodyChars()));
    if (request.variables() != null) {
      TextRules.json(request.variables(), "variables", MAX_VARIABLES_CHARS,
          (field, message) -> violations.add(new FieldViolation(field, message)));
    }
    if (request.recipients() != null && request.recipients().size() <= settings.maxRecipients()) {
      for (int i = 0; i < request.recipients().size(); i++) {
        var recipient = request.recipients().get(i);
        if (recipient != null) {
          recipientText(recipient, "recipients[" + i + "]", violations);
        }
      }
    }
    return violations;
  }

  List<FieldViolation> validate(SendNotificationRequest request, Instant now, KeySource keySource) {
    List<FieldViolation> violations = validateText(request, keySource);
    if (request.sender() != null && request.sender().isBlank()) {
      violations.add(new FieldViolation("sender", "must be 1-" + MAX_SENDER_CHARS + " characters"));
    }
    boolean channelsValid = validateChannels(request, violations);
    if (channelsValid) {
      validateRecipients(request, violations);
    }
    validateContent(request, violations);
    if (channelsValid) {
      validateEscalation(request, violations);
    }
    if (request.sendAt() != null) {
      if (request.sendAt().isBefore(now.minusSeconds(SKEW_SECONDS))) {
        violations.add(new FieldViolation("sendAt", "is in the past (now is " + now + ")"));
      } else if (request.sendAt().isAfter(now.plus(settings.maxSchedule()))) {
        violations.add(new FieldViolation("sendAt", "is more than " + settings.maxSchedule().toDays() + " days ahead"));
      }
    }
    return violations;
  }

  /** ESCALATE: a list, two channels or more, and a wait of 1 second to 7 days after each but the last. */
  private static void validateEscalation(SendNotificationRequest request, List<FieldViolation> violations) {
    boolean escalates = request.channelMode() == ChannelMode.ESCALATE;
    List<java.time.Duration> waits = request.escalateAfter();
    if (!escalates) {
      if (waits != null) {
        violations.add(new FieldViolation("escalateAfter", "is only for channelMode ESCALATE"));
      }
      return;
    }
    if (request.group() != null) {
      violations.add(new FieldViolation("channelMode", "ESCALATE is for recipients, not a group"));
    }
    if (request.channels().size() < 2) {
      violations.add(new FieldViolation("channels", "ESCALATE needs two channels or more, in the order to try them"));
      return;
    }
    if (waits == null || waits.size() != request.channels().size() - 1) {
      violations.add(new FieldViolation("escalateAfter", "is required with ESCALATE: one wait after each channel but "
          + "the last (" + (request.channels().size() - 1) + "), e.g. [\"PT30M\"]"));
      return;
    }
    for (int i = 0; i < waits.size(); i++) {
      java.time.Duration wait = waits.get(i);
      if (wait == null || wait.compareTo(MIN_ESCALATION_WAIT) < 0 || wait.compareTo(MAX_ESCALATION_WAIT) > 0) {
        violations.add(new FieldViolation("escalateAfter[" + i + "]", "must be 1 second to 7 days (e.g. PT30M)"));
      }
    }
  }

  private static void key(SendNotificationRequest request, KeySource keySource, List<FieldViolation> violations) {
    if (request.idempotencyKey() == null || request.idempotencyKey().isBlank()) {
      violations.add(new FieldViolation(keySource.field(), keySource.whenMissing()));
    } else if (!NotificationIds.isValidKey(request.idempotencyKey())) {
      violations.add(new FieldViolation(keySource.field(),
          "must be 1-" + NotificationIds.MAX_KEY_LENGTH + " characters of A-Z a-z 0-9 . _ : @ -"));
    }
  }

  /** Each address as its channel's provider will take it; the id as the inbox, devices and the log store it. */
  private static void recipientText(SendNotificationRequest.RecipientAddress recipient, String field,
      List<FieldViolation> violations) {
    if (recipient.id() != null) {
      RecipientRules.idViolation(recipient.id())
          .ifPresent(v -> violations.add(new FieldViolation(field + ".id", v.message())));
    }
    if (recipient.email() != null) {
      check(violations, field + ".email", EmailAddresses.problem(recipient.email()));
    }
    check(violations, field + ".phone", TextRules.line(recipient.phone(), RecipientRules.MAX_PHONE_CHARS));
    if (recipient.pushToken() != null && recipient.pushToken().isBlank()) {
      violations.add(new FieldViolation(field + ".pushToken",
          "must be 1-" + PushDevices.MAX_TOKEN_CHARS + " characters"));
    }
    check(violations, field + ".pushToken", TextRules.token(recipient.pushToken(), PushDevices.MAX_TOKEN_CHARS));
    if (recipient.slack() != null && !RecipientRules.isSlackId(recipient.slack())) {
      violations.add(new FieldViolation(field + ".slack", RecipientRules.SLACK_ID_RULE));
    }
    if (recipient.locale() != null && RecipientRules.locale(recipient.locale()).isEmpty()) {
      violations.add(new FieldViolation(field + ".locale", "is not a BCP 47 language tag such as ko-KR"));
    }
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
    boolean fallback = request.channelMode() == ChannelMode.FALLBACK || request.channelMode() == ChannelMode.ESCALATE;
    for (int i = 0; i < request.recipients().size(); i++) {
      var recipient = request.recipients().get(i);
      String field = "recipients[" + i + "]";
      if (recipient == null) {
        violations.add(new FieldViolation(field, "must not be null"));
        continue;
      }
      int before = violations.size();
      if (recipient.phone() != null && PhoneNumbers.toE164(recipient.phone(), settings.defaultPhoneRegion()).isEmpty()) {
        violations.add(new FieldViolation(field + ".phone",
            "is not a valid phone number; use international format, e.g. +14155550100"));
      }
      boolean malformed = violations.size() > before
          || violations.stream().anyMatch(v -> v.field().startsWith(field + "."));
      List<Channel> missing = request.channels().stream().filter(c -> !hasAddressFor(recipient, c)).toList();
      boolean reachable = missing.size() < request.channels().size();
      if (!malformed && !fallback && !missing.isEmpty()) {
        violations.add(new FieldViolation(field + "." + addressField(missing.get(0)),
            "is required for the " + missing.get(0) + " channel"));
      } else if (!malformed && fallback && !reachable) {
        violations.add(new FieldViolation(field, "has no address for any of the channels " + request.channels()));
      }
    }
  }

  /** A group's members and their addresses are checked when it is looked up, and again per delivery. */
  private static void validateGroup(SendNotificationRequest request, List<FieldViolation> violations) {
    if (request.recipients() != null) {
      violations.add(new FieldViolation("group", "give either recipients or a group, not both"));
    } else if (request.group().isBlank()) {
      violations.add(new FieldViolation("group", "must be a group key of 1-" + MAX_GROUP_KEY_CHARS + " characters"));
    }
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
      if (request.template().isBlank()) {
        violations.add(new FieldViolation("template", "must be a template key, e.g. order-shipped"));
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
    if (request.body() == null || request.body().isBlank()) {
      violations.add(new FieldViolation("body", "is required (or a template)"));
    }
  }

  private static void check(List<FieldViolation> violations, String field, Optional<String> problem) {
    problem.ifPresent(message -> violations.add(new FieldViolation(field, message)));
  }
}
