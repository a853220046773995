package dev.herald.activities.sending;

import dev.herald.activities.attachment.Attachment;
import dev.herald.activities.attachment.Attachments;
import dev.herald.activities.channel.AttachedFile;
import dev.herald.activities.template.TemplateSettings;
import dev.herald.activities.channel.ProviderSendException;
import dev.herald.activities.channel.RenderedMessage;
import dev.herald.activities.template.TemplateNotFoundException;
import dev.herald.activities.template.TemplateRenderer;
import dev.herald.activities.template.TemplateVersion;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.DeliveryErrorType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A batch's content for each member: the inline content as is, or the template version (read once per
 * batch, from the renderer's cache) rendered per member in the member's locale, with the template's
 * variables plus {@code recipient} (the member's own fields) and {@code preferencesUrl} (the member's
 * preference link, where links are configured); and the notification's attachments and image its channel carries
 * ({@link BatchMedia}: read once per batch, their bytes opened per message as it is written, for a channel that
 * attaches them), each still stored.
 */
final class BatchContent {

  /** The template variable of the member's preference link. */
  static final String PREFERENCES_URL = "preferencesUrl";
  /** The error code of a message whose attachment is no longer stored. */
  static final String ATTACHMENT_GONE = "attachment-gone";

  private final BatchRequest batch;
  private final TemplateVersion version;
  private final ProviderSendException templateMissing;
  private final List<AttachedFile> files;
  private final ProviderSendException attachmentGone;

  private BatchContent(BatchRequest batch, TemplateVersion version, ProviderSendException templateMissing,
      List<AttachedFile> files, ProviderSendException attachmentGone) {
    this.batch = batch;
    this.version = version;
    this.templateMissing = templateMissing;
    this.files = files;
    this.attachmentGone = attachmentGone;
  }

  /** @param attachments the notification's attachments and image the channel carries (none: it carries none) */
  static BatchContent of(BatchRequest batch, TemplateRenderer renderer, List<Attachment> attachments,
      Attachments store) {
    List<AttachedFile> files = attachments.stream().map(a -> file(a, store)).toList();
    ProviderSendException gone = attachments.stream().filter(a -> !a.status().isStored()).findFirst()
        .map(a -> new ProviderSendException(DeliveryErrorType.MESSAGE_REJECTED, ATTACHMENT_GONE,
            "attachment '" + a.id() + "' is " + a.status().name().toLowerCase(Locale.ROOT) + ": it cannot be sent", null))
        .orElse(null);
    if (batch.template() == null) {
      return new BatchContent(batch, null, null, files, gone);
    }
    try {
      return new BatchContent(batch, renderer.version(batch.template().key(), batch.template().version()), null,
          files, gone);
    } catch (TemplateNotFoundException e) {
      return new BatchContent(batch, null,
          new ProviderSendException(DeliveryErrorType.TEMPLATE_ERROR, "template-invalid", e.getMessage(), e), files,
          gone);
    }
  }

  /** The files each member's message carries. */
  List<AttachedFile> files() {
    return files;
  }

  /** An attachment's bytes, opened from the blob store each time a message is written; unnamed, "attachment". */
  private static AttachedFile file(Attachment attachment, Attachments store) {
    String name = attachment.filename() == null ? "attachment" : attachment.filename();
    long size = attachment.size() == null ? 0 : attachment.size();
    return new AttachedFile(name, attachment.contentType(), size, () -> store.content(attachment));
  }

  /** The template version's settings; none for inline content or a missing template. */
  TemplateSettings settings() {
    return version == null ? TemplateSettings.NONE : version.content().settings();
  }

  /** Whether the batch renders a template: only a template can show a link in its text. */
  boolean templated() {
    return batch.template() != null;
  }

  /** Whether the template version asks for its in-app items and pushes to carry the preference link. */
  boolean linksPreferences() {
    return version != null && version.content().settings().linksPreferences();
  }

  /**
   * @param preferencesUrl the member's preference link; null where none can be made
   * @throws ProviderSendException a permanent {@code TEMPLATE_ERROR} for this member; a permanent {@code
   *     MESSAGE_REJECTED} ({@link #ATTACHMENT_GONE}) when an attachment was deleted or expired (a late re-drive)
   */
  RenderedMessage forMember(BatchItem item, String preferencesUrl) throws ProviderSendException {
    if (attachmentGone != null) {
      throw attachmentGone;
    }
    if (batch.template() == null) {
      return new RenderedMessage(null, batch.content().subject(), batch.content().body(), null);
    }
    if (templateMissing != null) {
      throw templateMissing;
    }
    Map<String, Object> variables = new HashMap<>();
    if (batch.template().variables() != null) {
      variables.putAll(batch.template().variables());
    }
    variables.put("recipient", item.asVariable());
    if (preferencesUrl != null) {
      variables.put(PREFERENCES_URL, preferencesUrl);
    }
    return TemplateRenderer.message(version, batch.channel(), item.locale(), variables);
  }
}
