package dev.herald.activities.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.herald.activities.channel.RenderedMessage;

/** {@code text} is Slack mrkdwn (*bold*, _italic_, {@code <url|label>}), posted as the message's text. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlackPart(String text) implements TemplatePart {

  @Override
  public SlackPart render(PartFields fields) {
    return new SlackPart(fields.text("text", text));
  }

  @Override
  public RenderedMessage message() {
    return new RenderedMessage(null, null, text, null);
  }

  @Override
  public void check(PartCheck check) {
    check.required("text", text);
    check.source("text", text);
  }
}
