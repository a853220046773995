package dev.herald.activities.template;

import dev.herald.activities.channel.ProviderSendException;
import dev.herald.workflows.messages.Channel;
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
    try {
      return renderer.message(template, channel, locale);
    } catch (ProviderSendException e) {
      throw e.toActivityFailure(Activity.getExecutionContext().getInfo().getAttempt());
    }
  }
}
