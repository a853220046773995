package dev.herald.api.console.send;

import dev.herald.api.console.FormErrors;
import dev.herald.api.notification.CallerRequests;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.notification.SendNotificationRequest;
import dev.herald.api.security.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.validation.BindingResult;

/**
 * The send form as the API's request, sent as the signed-in caller with the form's idempotency key
 * ({@link CallerRequests}: an admin may name a sender); and the API's field violations as the form's.
 */
final class SendRequests {

  /** The form's fields that show an error beside them, by the name the API's paths start with. */
  static final List<String> FIELDS = List.of("sender", "template", "variables", "subject", "body", "category", "group",
      RecipientLines.IDS, RecipientLines.EMAILS, RecipientLines.PHONES, "recipients", "channels", "channelMode",
      "escalateAfter", "priority", "sendAt", "attachments");

  private SendRequests() {}

  /** @throws InvalidRequestException what the form cannot say as a request (a bad value, variable or time) */
  static SendNotificationRequest of(SendForm form, Caller caller, BindingResult binding) {
    List<FieldViolation> violations = new ArrayList<>();
    binding.getFieldErrors().forEach(e -> violations.add(new FieldViolation(e.getField(), "is not one of the choices")));
    Map<String, Object> variables = Map.of();
    Instant sendAt = null;
    List<Duration> escalateAfter = null;
    try {
      escalateAfter = EscalationWaits.of(form.escalateAfter());
    } catch (InvalidRequestException e) {
      violations.addAll(e.violations());
    }
    try {
      variables = TemplateVariables.of(form.variables());
    } catch (InvalidRequestException e) {
      violations.addAll(e.violations());
    }
    try {
      sendAt = SendTime.instant(form.sendAt(), form.timeZone());
    } catch (InvalidRequestException e) {
      violations.addAll(e.violations());
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    String sender = caller.isAdmin() ? SendForm.present(form.sender()) : null;
    var request = new SendNotificationRequest(null, sender == null ? null : sender.strip(),
        form.channels().isEmpty() ? null : form.channels(), form.channelMode(), new RecipientLines(form).recipients(),
        trimmed(form.group()), SendForm.present(form.subject()), SendForm.present(form.body()), form.priority(), sendAt,
        trimmed(form.template()), null, variables.isEmpty() ? null : variables, trimmed(form.category()),
        escalateAfter, form.attachments().isEmpty() ? null : form.attachments());
    return CallerRequests.withKey(CallerRequests.asCaller(request, caller), form.idempotencyKey());
  }

  /** The violations beside the fields they concern; a recipient's beside the box and line it was typed on. */
  static FormErrors errors(InvalidRequestException e, SendForm form) {
    RecipientLines lines = new RecipientLines(form);
    return FormErrors.of(new InvalidRequestException(e.violations().stream().map(lines::toForm).toList()), FIELDS);
  }

  private static String trimmed(String text) {
    return SendForm.present(text) == null ? null : text.strip();
  }
}
