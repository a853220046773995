package dev.herald.activities.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.herald.activities.channel.RenderedMessage;

/** An SMS; {@code from} is a sender number (E.164) or alphanumeric sender id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SmsPart(String from, String body) implements TemplatePart {

  @Override
  public SmsPart render(PartFields fields) {
    return new SmsPart(fields.text("from", from), fields.text("body", body));
  }

  @Override
  public RenderedMessage message() {
    return new RenderedMessage(from, null, body, null);
  }

  @Override
  public void check(PartCheck check) {
    check.required("body", body);
    check.source("from", from);
    check.source("body", body);
  }

  /** The sender is inherited. */
  @Override
  public SmsPart inherit(TemplatePart fallback) {
    return fallback instanceof SmsPart f && from == null ? new SmsPart(f.from(), body) : this;
  }
}
