package dev.herald.api.notification;

import dev.herald.activities.attachment.Attachment;
import dev.herald.activities.attachment.AttachmentLimits;
import dev.herald.activities.attachment.Attachments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A request's {@code attachments}: at most {@code herald.attachments.max-per-notification} ids, each once, each an
 * attachment of the notification's sender that is stored (not deleted, not expired), of at most {@code
 * herald.attachments.max-per-notification-bytes} in all. Read in one query, for the REST API and Kafka alike.
 */
@Component
class AttachmentRefs {

  private final Attachments attachments;

  AttachmentRefs(Attachments attachments) {
    this.attachments = attachments;
  }

  /** What is wrong with the request's attachments; nothing when it names none. */
  List<FieldViolation> check(List<String> given, String sender) {
    List<FieldViolation> violations = new ArrayList<>();
    if (given == null || given.isEmpty()) {
      return violations;
    }
    AttachmentLimits limits = attachments.limits();
    if (given.size() > limits.count()) {
      violations.add(new FieldViolation("attachments", "at most " + limits.count() + " attachments per notification; got "
          + given.size()));
      return violations;
    }
    Map<UUID, Attachment> found = attachments.records(ids(given)).stream()
        .collect(Collectors.toMap(Attachment::id, Function.identity()));
    Set<UUID> seen = new HashSet<>();
    long bytes = 0;
    for (int i = 0; i < given.size(); i++) {
      String field = "attachments[" + i + "]";
      Optional<UUID> id = id(given.get(i));
      Attachment attachment = id.map(found::get).orElse(null);
      if (id.isEmpty()) {
        violations.add(new FieldViolation(field, "is not an attachment id (a UUID from POST /api/v1/attachments)"));
      } else if (!seen.add(id.get())) {
        violations.add(new FieldViolation(field, "names an attachment already listed"));
      } else if (attachment == null || !attachment.sender().equals(sender)) {
        violations.add(new FieldViolation(field, "no attachment '" + id.get() + "' of sender '" + sender + "'"));
      } else if (!attachment.status().isStored()) {
        violations.add(new FieldViolation(field, "attachment '" + id.get() + "' is "
            + attachment.status().name().toLowerCase(Locale.ROOT) + "; upload it again"));
      } else {
        bytes += attachment.size();
      }
    }
    if (bytes > limits.bytes()) {
      violations.add(new FieldViolation("attachments", "add up to " + bytes + " bytes; at most " + limits.bytes()
          + " per notification"));
    }
    return violations;
  }

  /** The request's attachment ids, in its order (checked before: every one is an id). */
  static List<UUID> ids(List<String> given) {
    return given == null ? List.of() : given.stream().map(AttachmentRefs::id).flatMap(Optional::stream).toList();
  }

  /** A UUID as the API writes them (a lowercase or uppercase canonical form), else none. */
  private static Optional<UUID> id(String text) {
    if (text == null || text.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }
}
