package dev.herald.activities.push;

/** What the provider answered for one device token: its message id, or why not. */
public record PushResult(String token, String messageId, PushSendException failure) {

  public static PushResult accepted(String token, String messageId) {
    return new PushResult(token, messageId, null);
  }

  public static PushResult failed(String token, PushSendException failure) {
    return new PushResult(token, null, failure);
  }

  public boolean isAccepted() {
    return failure == null;
  }
}
