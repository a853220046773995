package dev.herald.workflows.template;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.RenderedMessage;
import dev.herald.workflows.messages.TemplateRef;
import io.temporal.activity.ActivityInterface;

/**
 * Renders a notification's template for one channel and locale. Runs on the notifications queue.
 * A missing variable or template is a non-retryable {@code TEMPLATE_ERROR} naming what is missing.
 */
@ActivityInterface
public interface TemplateActivities {

  RenderedMessage renderTemplate(TemplateRef template, Channel channel, String locale);
}
