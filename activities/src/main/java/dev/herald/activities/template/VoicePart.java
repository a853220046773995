package dev.herald.activities.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.herald.activities.channel.RenderedMessage;

/** A call's script; {@code voice} and {@code language} are the text-to-speech voice and language, e.g. Polly.Seoyeon, ko-KR. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VoicePart(String from, String script, String voice, String language) implements TemplatePart {

  @Override
  public VoicePart render(PartFields fields) {
    return new VoicePart(fields.text("from", from), fields.text("script", script), fields.text("voice", voice),
        fields.text("language", language));
  }

  @Override
  public RenderedMessage message() {
    return new RenderedMessage(from, null, script, null);
  }

  @Override
  public void check(PartCheck check) {
    check.required("script", script);
    check.source("from", from);
    check.source("script", script);
    check.source("voice", voice);
    check.source("language", language);
  }

  /** The caller number is inherited; the voice and language go with the script. */
  @Override
  public VoicePart inherit(TemplatePart fallback) {
    return fallback instanceof VoicePart f && from == null ? new VoicePart(f.from(), script, voice, language) : this;
  }
}
