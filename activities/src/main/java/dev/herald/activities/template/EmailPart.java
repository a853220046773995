package dev.herald.activities.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.herald.activities.channel.RenderedMessage;

/** An email: {@code html} is rendered HTML-escaped, everything else as plain text. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmailPart(String from, String subject, String html, String text) implements TemplatePart {

  @Override
  public EmailPart render(PartFields fields) {
    return new EmailPart(fields.text("from", from), fields.text("subject", subject), fields.html("html", html),
        fields.text("text", text));
  }

  @Override
  public RenderedMessage message() {
    return new RenderedMessage(from, subject, text, html);
  }

  @Override
  public void check(PartCheck check) {
    check.required("subject", subject);
    check.requiredWithout("html", html, "text", text);
    check.source("from", from);
    check.source("subject", subject);
    check.source("html", html);
    check.source("text", text);
  }

  /** The sender is inherited. */
  @Override
  public EmailPart inherit(TemplatePart fallback) {
    return fallback instanceof EmailPart f && from == null ? new EmailPart(f.from(), subject, html, text) : this;
  }
}
