package dev.herald.activities.template;

import dev.herald.activities.provider.ProviderSendException;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.RenderedMessage;
import dev.herald.workflows.messages.TemplateRef;
import dev.herald.workflows.template.TemplateActivities;
import io.temporal.activity.Activity;
import org.springframework.stereotype.Component;

/** Renders the notification's template version for one channel and locale. */
@Component
public class TemplateActivitiesImpl implements TemplateActivities {

  private final TemplateRenderer renderer;

  public TemplateActivitiesImpl(TemplateRenderer renderer) {
    this.renderer = renderer;
  }

  @Override
  public RenderedMessage renderTemplate(TemplateRef template, Channel channel, String locale) {
    int attempt = Activity.getExecutionContext().getInfo().getAttempt();
    try {
      ChannelParts parts =
          renderer.render(template.key(), template.version(), channel, locale, template.variables()).content();
      return toMessage(parts, channel);
    } catch (MissingTemplateVariableException e) {
      throw templateError("template-missing-variable", e.getMessage(), attempt);
    } catch (TemplateRenderException | TemplateNotFoundException e) {
      throw templateError("template-invalid", e.getMessage(), attempt);
    }
  }

  static RenderedMessage toMessage(ChannelParts parts, Channel channel) {
    return switch (channel) {
      case EMAIL -> new RenderedMessage(parts.email().from(), parts.email().subject(), parts.email().text(),
          parts.email().html());
      case SMS -> new RenderedMessage(parts.sms().from(), null, parts.sms().body(), null);
      case VOICE -> new RenderedMessage(parts.voice().from(), null, parts.voice().script(), null);
      case PUSH -> new RenderedMessage(null, parts.push().title(), parts.push().body(), null);
      case IN_APP -> new RenderedMessage(null, parts.inApp().title(), parts.inApp().body(), null);
    };
  }

  private static RuntimeException templateError(String code, String message, int attempt) {
    return new ProviderSendException(DeliveryErrorType.TEMPLATE_ERROR, code, message, null).toActivityFailure(attempt);
  }
}
