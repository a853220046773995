package dev.herald.activities.channel;

import dev.herald.workflows.messages.Channel;

/**
 * A channel's plug-in on the activities side: builds the provider's message from an
 * {@link OutgoingMessage} and hands it to the vendor. The same call serves a single send and each
 * member of a broadcast batch. Found through {@link ChannelAdapters}; its durable side is the
 * channel's descriptor in {@code dev.herald.workflows.channel.Channels}.
 */
public interface ChannelAdapter {

  Channel channel();

  /** The provider behind this adapter, as the meters tag it (e.g. {@code smtp}, {@code twilio}). */
  default String provider() {
    return channel().name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Whether every message of this channel carries the recipient's preference link (email: its
   * List-Unsubscribe header), not only those whose template asks for one.
   */
  default boolean alwaysLinksPreferences() {
    return false;
  }

  /**
   * Whether this channel's messages carry the notification's attachments as files (email), so its batches read
   * them; the others leave them out.
   */
  default boolean attaches() {
    return false;
  }

  /**
   * What this channel's messages carry as signed download links: one per attachment (SMS, push, in-app, Slack), and
   * one to the notification's image (push, in-app); its batches read and link those.
   */
  default LinkedMedia linkedMedia() {
    return LinkedMedia.NONE;
  }

  /**
   * @param attempt the activity attempt this send belongs to, recorded with its outcome
   * @throws io.temporal.failure.ApplicationFailure typed by {@code DeliveryErrorType}, with a
   *     {@code DeliveryError} as details; non-retryable when the failure is permanent
   */
  ProviderReceipt send(OutgoingMessage message, int attempt);
}
