package dev.herald.activities.sending;

import dev.herald.activities.template.TemplateSettings;
import dev.herald.activities.channel.ProviderSendException;
import dev.herald.activities.channel.RenderedMessage;
import dev.herald.activities.template.TemplateNotFoundException;
import dev.herald.activities.template.TemplateRenderer;
import dev.herald.activities.template.TemplateVersion;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.DeliveryErrorType;
import java.util.HashMap;
import java.util.Map;

/**
 * A batch's content for each member: the inline content as is, or the template version (read once per
 * batch, from the renderer's cache) rendered per member in the member's locale, with the template's
 * variables plus {@code recipient} (the member's own fields) and {@code preferencesUrl} (the member's
 * preference link, where links are configured).
 */
final class BatchContent {

  /** The template variable of the member's preference link. */
  static final String PREFERENCES_URL = "preferencesUrl";

  private final BatchRequest batch;
  private final TemplateVersion version;
  private final ProviderSendException templateMissing;

  private BatchContent(BatchRequest batch, TemplateVersion version, ProviderSendException templateMissing) {
    this.batch = batch;
    this.version = version;
    this.templateMissing = templateMissing;
  }

  static BatchContent of(BatchRequest batch, TemplateRenderer renderer) {
    if (batch.template() == null) {
      return new BatchContent(batch, null, null);
    }
    try {
      return new BatchContent(batch, renderer.version(batch.template().key(), batch.template().version()), null);
    } catch (TemplateNotFoundException e) {
      return new BatchContent(batch, null,
          new ProviderSendException(DeliveryErrorType.TEMPLATE_ERROR, "template-invalid", e.getMessage(), e));
    }
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
   * @throws ProviderSendException a permanent {@code TEMPLATE_ERROR} for this member
   */
  RenderedMessage forMember(BatchItem item, String preferencesUrl) throws ProviderSendException {
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
