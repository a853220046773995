package dev.herald.api.notification;

import dev.herald.activities.attachment.Attachment;
import dev.herald.activities.attachment.AttachmentLimits;
import dev.herald.activities.attachment.Attachments;
import dev.herald.workflows.messages.Channel;
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
 * herald.attachments.max-per-notification-bytes} in all. Read in one query, for the REST API and Kafka alike. Its
 * {@code image}: the same, an image of at most {@code herald.attachments.max-image-size}, for a channel that shows it.
 */
@Component
class AttachmentRefs {

  /** The channels that show a notification's image. */
  private static final Set<Channel> SHOWN_ON = Set.of(Channel.PUSH, Channel.IN_APP);

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
      } else {
        Optional<FieldViolation> unusable = unusable(field, id.get(), attachment, sender);
        unusable.ifPresent(violations::add);
        if (unusable.isEmpty()) {
          bytes += attachment.size();
        }
      }
    }
    if (bytes > limits.bytes()) {
      violations.add(new FieldViolation("attachments", "add up to " + bytes + " bytes; at most " + limits.bytes()
          + " per notification"));
    }
    return violations;
  }

  /** What is wrong with the request's image; nothing when it names none. */
  List<FieldViolation> checkImage(String given, String sender, List<Channel> channels) {
    if (given == null) {
      return List.of();
    }
    Optional<UUID> id = id(given);
    if (id.isEmpty()) {
      return List.of(new FieldViolation("image", "is not an attachment id (a UUID from POST /api/v1/attachments)"));
    }
    if (channels != null && channels.stream().noneMatch(SHOWN_ON::contains)) {
      return List.of(new FieldViolation("image", "is shown on PUSH and IN_APP only, and channels has neither"));
    }
    Attachment image = attachments.records(List.of(id.get())).stream().findFirst().orElse(null);
    Optional<FieldViolation> unusable = unusable("image", id.get(), image, sender);
    if (unusable.isPresent()) {
      return List.of(unusable.get());
    }
    if (!image.isImage()) {
      return List.of(new FieldViolation("image", "attachment '" + id.get() + "' is " + image.contentType()
          + ", not an image (PNG, JPEG, GIF, WebP)"));
    }
    long most = attachments.limits().imageBytes();
    return image.size() > most ? List.of(new FieldViolation("image", "is " + image.size() + " bytes; at most " + most
        + " (herald.attachments.max-image-size)")) : List.of();
  }

  /** Why the attachment cannot be used by the sender's notification: not the sender's (or none), or gone. */
  private static Optional<FieldViolation> unusable(String field, UUID id, Attachment attachment, String sender) {
    if (attachment == null || !attachment.sender().equals(sender)) {
      return Optional.of(new FieldViolation(field, "no attachment '" + id + "' of sender '" + sender + "'"));
    }
    if (!attachment.status().isStored()) {
      return Optional.of(new FieldViolation(field, "attachment '" + id + "' is "
          + attachment.status().name().toLowerCase(Locale.ROOT) + "; upload it again"));
    }
    return Optional.empty();
  }

  /** The request's image id, if it names one (checked before: an id). */
  static Optional<UUID> image(String given) {
    return given == null ? Optional.empty() : id(given);
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
