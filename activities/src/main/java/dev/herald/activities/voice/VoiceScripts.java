package dev.herald.activities.voice;

import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Say;
import dev.herald.activities.twilio.TwilioProperties;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The TwiML of a call: {@code <Say>} of the text, in the recipient's language and a voice for it,
 * said {@code voice-loop} times. The voice is the configured one for the locale (ko-KR) or its
 * language (ko); else Twilio's default voice for that language when Twilio speaks it (a bare
 * language in its home country: de is de-DE); else en-US.
 */
public final class VoiceScripts {

  static final String FALLBACK_LOCALE = "en-US";

  /** A TwiML language and, when configured, a voice. */
  record Speaker(Say.Language language, Say.Voice voice) {}

  private final Map<String, Speaker> configured = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final int loop;

  public VoiceScripts(TwilioProperties properties) {
    properties.voices().forEach((key, voice) -> configured.put(key, speaker(key, voice)));
    this.loop = properties.voiceLoop();
  }

  public String twiml(String text, String locale) {
    Speaker speaker = speakerFor(locale);
    Say.Builder say = new Say.Builder(text).language(speaker.language()).loop(loop);
    if (speaker.voice() != null) {
      say.voice(speaker.voice());
    }
    try {
      return new VoiceResponse.Builder().say(say.build()).build().toXml();
    } catch (TwiMLException e) {
      throw new IllegalStateException("cannot write TwiML", e);
    }
  }

  Speaker speakerFor(String locale) {
    return Optional.ofNullable(locale).filter(l -> !l.isBlank()).flatMap(this::find)
        .or(() -> find(FALLBACK_LOCALE))
        .orElse(new Speaker(Say.Language.EN_US, null));
  }

  private Optional<Speaker> find(String locale) {
    Locale parsed = Locale.forLanguageTag(locale.strip().replace('_', '-'));
    String tag = parsed.toLanguageTag();
    String language = parsed.getLanguage();
    if (language.isEmpty()) {
      return Optional.empty();
    }
    if (configured.containsKey(tag)) {
      return Optional.of(configured.get(tag));
    }
    if (configured.containsKey(language)) {
      return Optional.of(configured.get(language));
    }
    // a bare language: its home country if Twilio has it (de -> de-DE), else any variant of it
    return languageByValue(tag)
        .or(() -> languageByValue(language + "-" + language.toUpperCase(Locale.ROOT)))
        .or(() -> Arrays.stream(Say.Language.values())
            .filter(l -> l.toString().toLowerCase(Locale.ROOT).startsWith(language + "-")).findFirst())
        .map(l -> new Speaker(l, null));
  }

  private static Speaker speaker(String key, TwilioProperties.Voice voice) {
    Say.Language language = languageByValue(voice.language()).orElseThrow(() -> new IllegalArgumentException(
        "herald.twilio.voices." + key + ".language: " + voice.language() + " is not a TwiML <Say> language"));
    if (voice.voice() == null || voice.voice().isBlank()) {
      return new Speaker(language, null);
    }
    Say.Voice named = Arrays.stream(Say.Voice.values())
        .filter(v -> v.toString().equalsIgnoreCase(voice.voice().strip()))
        .findFirst().orElseThrow(() -> new IllegalArgumentException(
            "herald.twilio.voices." + key + ".voice: " + voice.voice() + " is not a TwiML <Say> voice"));
    return new Speaker(language, named);
  }

  private static Optional<Say.Language> languageByValue(String tag) {
    return Arrays.stream(Say.Language.values()).filter(l -> l.toString().equalsIgnoreCase(tag)).findFirst();
  }
}
