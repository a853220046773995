package dev.herald.workflows.messages;

/**
 * Who a notification goes to: the addresses known for one recipient. Any may be null.
 *
 * @param id the sender's id for the recipient: owner of the in-app inbox and of push devices
 * @param phone E.164 (normalized on acceptance), for SMS and voice
 * @param pushToken a device token to push to, besides the recipient's registered devices
 * @param locale BCP 47 tag (e.g. ko-KR), for the voice of a call
 * @param slack a Slack user id (U0123ABCD, W…) for a direct message, or a conversation id (C…, G…, D…)
 */
public record Recipient(String id, String email, String phone, String pushToken, String locale, String slack) {

  public static Recipient ofEmail(String email) {
    return new Recipient(null, email, null, null, null, null);
  }
}
