package dev.herald.api.console.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.activities.template.EmailPart;
import dev.herald.activities.template.RenderedTemplate;
import dev.herald.activities.template.TemplateContent;
import dev.herald.api.console.FormErrors;
import dev.herald.api.console.template.PartLayout.ChannelForm;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.security.Caller;
import dev.herald.api.template.CallerTemplates;
import dev.herald.workflows.messages.Channel;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Previews of a version through the API's preview ({@link CallerTemplates#preview}): what each channel
 * says for a locale and sample variables, or what is wrong (a missing variable is named by the API).
 */
@Component
class TemplatePreviews {

  /** An address longer than this may not reach the server (request lines are limited): no frame then. */

  /**
   * A preview's outcome: the rendered channels (their parts under {@code defaults.<key>.<field>}),
   * the locale each came from, and the email HTML frame's address (null without HTML, or when the
   * variables are too long for an address); or the errors.
   */
  record Preview(PreviewForm form, List<ChannelForm> channels, PartValues rendered, Map<Channel, String> locales,
      String frameSrc, boolean frameTooLong, FormErrors errors) {

    static Preview none(PreviewForm form) {
      return new Preview(form, List.of(), PartValues.empty(), Map.of(), null, false, FormErrors.NONE);
    }

    public boolean shown() {
      return !channels.isEmpty();
    }

    public String label(ChannelForm channel) {
      return channel.label() + " (" + locales.get(channel.channel()) + ")";
    }
  }

  private final CallerTemplates templates;
  private final ObjectMapper json;

  TemplatePreviews(CallerTemplates templates, ObjectMapper json) {
    this.templates = templates;
    this.json = json;
  }

  Preview preview(Caller caller, String key, int version, PreviewForm form) {
    RenderedTemplate rendered;
    try {
      rendered = render(caller, key, version, form);
    } catch (InvalidRequestException e) {
      return new Preview(form, List.of(), PartValues.empty(), Map.of(), null, false, FormErrors.of(e, PreviewForm.FIELDS));
    }
    List<ChannelForm> channels = PartLayout.CHANNEL_FORMS.stream().filter(c -> rendered.content().has(c.channel())).toList();
    EmailPart email = rendered.content().part(EmailPart.class);
    boolean html = email != null && email.html() != null;
    String frame = html ? EmailFrames.src(key, version, form.locale(), form.variables()).orElse(null) : null;
    boolean tooLong = html && frame == null;
    return new Preview(form, channels, PartValues.of(new TemplateContent(rendered.content(), null), json),
        rendered.locales(), tooLong ? null : frame, tooLong, FormErrors.NONE);
  }

  /** @throws InvalidRequestException what is wrong with the form or the rendering, by field */
  RenderedTemplate render(Caller caller, String key, int version, PreviewForm form) {
    return templates.preview(caller, key, form.request(version, json));
  }
}
