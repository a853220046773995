package dev.herald.activities.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.herald.workflows.messages.Channel;
import java.util.Map;

/**
 * What a template says on each channel; a channel it has nothing for is null. The same shape holds a
 * version's source (Mustache) and a rendering's result (plain text, HTML for {@code email.html}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelParts(Email email, Sms sms, Voice voice, Push push, InApp inApp, Slack slack) {

  public static final ChannelParts NONE = new ChannelParts(null, null, null, null, null, null);

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Email(String from, String subject, String html, String text) {}

  /** {@code from} is a sender number (E.164) or alphanumeric sender id. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Sms(String from, String body) {}

  /** {@code voice} and {@code language} are the text-to-speech voice and language, e.g. Polly.Seoyeon, ko-KR. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Voice(String from, String script, String voice, String language) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Push(String title, String body, String icon, String link, Map<String, String> data) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record InApp(String title, String body, String link) {}

  /** {@code text} is Slack mrkdwn (*bold*, _italic_, {@code <url|label>}), posted as the message's text. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Slack(String text) {}

  public boolean has(Channel channel) {
    return part(channel) != null;
  }

  public Object part(Channel channel) {
    return switch (channel) {
      case EMAIL -> email;
      case SMS -> sms;
      case VOICE -> voice;
      case PUSH -> push;
      case IN_APP -> inApp;
      case SLACK -> slack;
    };
  }

  /** These parts with one channel's part replaced by {@code part} (of that channel's type). */
  public ChannelParts with(Channel channel, Object part) {
    return switch (channel) {
      case EMAIL -> new ChannelParts((Email) part, sms, voice, push, inApp, slack);
      case SMS -> new ChannelParts(email, (Sms) part, voice, push, inApp, slack);
      case VOICE -> new ChannelParts(email, sms, (Voice) part, push, inApp, slack);
      case PUSH -> new ChannelParts(email, sms, voice, (Push) part, inApp, slack);
      case IN_APP -> new ChannelParts(email, sms, voice, push, (InApp) part, slack);
      case SLACK -> new ChannelParts(email, sms, voice, push, inApp, (Slack) part);
    };
  }
}
