package dev.herald.api.notification;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelMode;
import dev.herald.workflows.messages.Priority;
import java.time.Instant;
import java.util.List;

/**
 * A request to notify: the body of {@code POST /api/v1/notifications} and of a Kafka request event.
 *
 * @param idempotencyKey the client's id of this request; repeats with it are sent once (the
 *     {@code Idempotency-Key} header may carry it instead)
 * @param recipients who to notify; or else {@code group}
 * @param group the key of a recipient group to broadcast to, instead of {@code recipients}; its members
 *     are fixed when the notification is accepted (left out of the fingerprint JSON when absent, so
 *     requests without it keep their fingerprint)
 * @param channelMode ALL (default): every channel; FALLBACK: channels in order, the next only when
 *     the previous failed for good
 * @param sendAt when to send; absent means now
 * @param template a template key (the notification type) to render instead of subject/body
 * @param templateVersion the version to use; absent means the active (published) one
 * @param variables the template's variables
 * @param category the notification's category for recipients' opt-outs and caps, for inline content (a
 *     template's version names its own); left out of the fingerprint JSON when absent
 * @param escalateAfter with channelMode ESCALATE: how long each channel but the last waits for an
 *     acknowledgement before the next (ISO-8601 durations, e.g. PT30M); left out of the fingerprint JSON when absent
 * @param attachments ids of the sender's attachments ({@code POST /api/v1/attachments}) the notification carries: an
 *     email attaches them, SMS, push, in-app and Slack messages carry a download link to each; left out of the
 *     fingerprint JSON when absent
 * @param image the id of the sender's image attachment a push and an in-app item show; left out of the fingerprint
 *     JSON when absent
 */
public record SendNotificationRequest(
    String idempotencyKey,
    String sender,
    List<Channel> channels,
    ChannelMode channelMode,
    List<RecipientAddress> recipients,
    @JsonInclude(JsonInclude.Include.NON_NULL) String group,
    String subject,
    String body,
    Priority priority,
    Instant sendAt,
    String template,
    Integer templateVersion,
    java.util.Map<String, Object> variables,
    @JsonInclude(JsonInclude.Include.NON_NULL) String category,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<java.time.Duration> escalateAfter,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> attachments,
    @JsonInclude(JsonInclude.Include.NON_NULL) String image) {

  /** A request without attachments. */
  public SendNotificationRequest(String idempotencyKey, String sender, List<Channel> channels, ChannelMode channelMode,
      List<RecipientAddress> recipients, String group, String subject, String body, Priority priority, Instant sendAt,
      String template, Integer templateVersion, java.util.Map<String, Object> variables, String category,
      List<java.time.Duration> escalateAfter) {
    this(idempotencyKey, sender, channels, channelMode, recipients, group, subject, body, priority, sendAt, template,
        templateVersion, variables, category, escalateAfter, null, null);
  }

  /** A request without an image. */
  public SendNotificationRequest(String idempotencyKey, String sender, List<Channel> channels, ChannelMode channelMode,
      List<RecipientAddress> recipients, String group, String subject, String body, Priority priority, Instant sendAt,
      String template, Integer templateVersion, java.util.Map<String, Object> variables, String category,
      List<java.time.Duration> escalateAfter, List<String> attachments) {
    this(idempotencyKey, sender, channels, channelMode, recipients, group, subject, body, priority, sendAt, template,
        templateVersion, variables, category, escalateAfter, attachments, null);
  }

  /**
   * One recipient's addresses: {@code id} owns the in-app inbox and registered push devices;
   * {@code phone} for SMS and voice; {@code locale} (e.g. ko-KR) picks the voice of a call;
   * {@code slack} a Slack user id (a direct message) or conversation id (left out of the
   * fingerprint JSON when absent, so requests without it keep their fingerprint).
   */
  public record RecipientAddress(String id, String email, String phone, String pushToken, String locale,
      @JsonInclude(JsonInclude.Include.NON_NULL) String slack) {}

  public SendNotificationRequest withIdempotencyKey(String key) {
    return new SendNotificationRequest(key, sender, channels, channelMode, recipients, group, subject, body, priority,
        sendAt, template, templateVersion, variables, category, escalateAfter, attachments, image);
  }

  public SendNotificationRequest withPriority(Priority priority) {
    return new SendNotificationRequest(idempotencyKey, sender, channels, channelMode, recipients, group, subject, body,
        priority, sendAt, template, templateVersion, variables, category, escalateAfter, attachments, image);
  }

  public SendNotificationRequest withSender(String sender) {
    return new SendNotificationRequest(idempotencyKey, sender, channels, channelMode, recipients, group, subject, body,
        priority, sendAt, template, templateVersion, variables, category, escalateAfter, attachments, image);
  }

  public SendNotificationRequest withRecipients(List<RecipientAddress> completed) {
    return new SendNotificationRequest(idempotencyKey, sender, channels, channelMode, completed, group, subject, body,
        priority, sendAt, template, templateVersion, variables, category, escalateAfter, attachments, image);
  }

  /** Not a JSON property: the fingerprint is this record's JSON. */
  @JsonIgnore
  public boolean isBroadcast() {
    return group != null;
  }
}
