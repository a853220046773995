package dev.herald.api.notification;

import dev.herald.activities.template.TemplateDigest;
import dev.herald.activities.template.TemplateVersion;
import dev.herald.workflows.messages.DigestRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A send of a template version with a digest, at the door: a digest collects events per recipient id,
 * so every recipient needs an id and a group is refused (its members would each get a digest from one
 * request, which is a broadcast's job, not a digest's).
 */
final class DigestRequests {

  private DigestRequests() {}

  /** The version's digest rule for the workflow; null when the version has none. */
  static DigestRule rule(SendNotificationRequest request, TemplateVersion version) {
    TemplateDigest digest = version == null ? null : version.content().settings().digest();
    if (digest == null) {
      return null;
    }
    String why = "version " + version.version() + " of template '" + version.templateKey()
        + "' collects its notifications in digests per recipient id";
    if (request.isBroadcast()) {
      throw new InvalidRequestException("group", why + ": send it to recipients with ids, not to a group");
    }
    List<FieldViolation> violations = new ArrayList<>();
    for (int i = 0; i < request.recipients().size(); i++) {
      if (request.recipients().get(i).id() == null) {
        violations.add(new FieldViolation("recipients[" + i + "].id", "is required: " + why));
      }
    }
    if (request.attachments() != null && !request.attachments().isEmpty()) {
      violations.add(new FieldViolation("attachments", "are not sent: " + why + ", which carry none"));
    }
    if (request.image() != null) {
      violations.add(new FieldViolation("image", "is not shown: " + why + ", which carry none"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return digest.rule(version.templateKey());
  }
}
