package dev.herald.activities.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.herald.activities.channel.RenderedMessage;

/** An inbox item: title, body and a link in the app. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InAppPart(String title, String body, String link) implements TemplatePart {

  @Override
  public InAppPart render(PartFields fields) {
    return new InAppPart(fields.text("title", title), fields.text("body", body), fields.text("link", link));
  }

  @Override
  public RenderedMessage message() {
    return new RenderedMessage(null, title, body, null);
  }

  @Override
  public void check(PartCheck check) {
    check.required("body", body);
    check.source("title", title);
    check.source("body", body);
    check.source("link", link);
  }

  /** The link is inherited. */
  @Override
  public InAppPart inherit(TemplatePart fallback) {
    return fallback instanceof InAppPart f && link == null ? new InAppPart(title, body, f.link()) : this;
  }
}
