package dev.herald.activities.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.herald.activities.channel.RenderedMessage;
import java.util.Map;

/** A push notification: title and body, with an icon, a link and data for the app. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushPart(String title, String body, String icon, String link, Map<String, String> data)
    implements TemplatePart {

  @Override
  public PushPart render(PartFields fields) {
    return new PushPart(fields.text("title", title), fields.text("body", body), fields.text("icon", icon),
        fields.text("link", link), fields.text("data", data));
  }

  @Override
  public RenderedMessage message() {
    return new RenderedMessage(null, title, body, null);
  }

  @Override
  public void check(PartCheck check) {
    check.requiredWithout("title", title, "body", body);
    check.source("title", title);
    check.source("body", body);
    check.source("icon", icon);
    check.source("link", link);
    if (data != null) {
      data.forEach((key, value) -> check.source("data." + key, value));
    }
  }

  /** The icon, link and data are inherited. */
  @Override
  public PushPart inherit(TemplatePart fallback) {
    if (!(fallback instanceof PushPart f)) {
      return this;
    }
    return new PushPart(title, body, icon != null ? icon : f.icon(), link != null ? link : f.link(),
        data != null ? data : f.data());
  }
}
