package dev.herald.api.console.approval;

import dev.herald.activities.channel.RenderedMessage;
import dev.herald.activities.template.RenderedTemplate;
import dev.herald.activities.template.TemplateNotFoundException;
import dev.herald.activities.template.TemplateRenderException;
import dev.herald.activities.template.Templates;
import dev.herald.api.notification.NotificationSpecs;
import dev.herald.api.problem.ProblemException;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.TemplateRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a send waiting for approval says: its inline subject and body, or its template version rendered
 * through the template store's preview for each of its channels, in the default locale, with the
 * request's variables and each recipient's own fields as placeholders.
 */
@Component
class ApprovalPreviews {

  private final NotificationSpecs specs;
  private final Templates templates;

  ApprovalPreviews(NotificationSpecs specs, Templates templates) {
    this.specs = specs;
    this.templates = templates;
  }

  List<MessagePreview> of(String notificationId) {
    Optional<NotificationSpec> spec;
    try {
      spec = specs.find(notificationId);
    } catch (ProblemException e) {
      return List.of(MessagePreview.unavailable(null, "No preview: " + e.getMessage() + "."));
    }
    if (spec.isEmpty()) {
      return List.of(MessagePreview.unavailable(null, "No preview: Temporal no longer has this notification's request."));
    }
    TemplateRef template = spec.get().template();
    if (spec.get().content() == null && (template == null || template.variables() == null)) {
      return List.of(MessagePreview.unavailable(null, "No preview: what it sends is no longer kept."));
    }
    if (template == null) {
      var content = spec.get().content();
      return List.of(new MessagePreview(null, content.subject(), content.body(), null, null));
    }
    Map<String, Object> variables = new HashMap<>(template.variables() == null ? Map.of() : template.variables());
    variables.put(RecipientPlaceholders.VARIABLE, new RecipientPlaceholders());
    return spec.get().channels().stream().map(channel -> rendered(template, channel, variables)).toList();
  }

  private MessagePreview rendered(TemplateRef template, Channel channel, Map<String, Object> variables) {
    try {
      RenderedTemplate rendered = templates.preview(template.key(), template.version(), channel, null, variables);
      RenderedMessage message = rendered.content().part(channel).message();
      return new MessagePreview(channel, message.subject(), message.body(), message.html(), null);
    } catch (TemplateRenderException | TemplateNotFoundException e) {
      return MessagePreview.unavailable(channel, e.getMessage());
    }
  }
}
