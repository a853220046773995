package dev.herald.activities.preference.links;

import dev.herald.workflows.messages.Channel;
import java.time.Instant;

/**
 * What a preference link (the List-Unsubscribe URL, the {@code preferencesUrl} of a template or an inbox
 * item) lets its holder do without signing in: opt a recipient of {@code owner} (the sender) out of
 * {@code category} (null: every category) on {@code channel}. The recipient is a stored one by id, or,
 * for a send to a bare address, that address on the channel.
 *
 * @param recipientId the recipient's id; null for a bare address
 * @param address the address on the channel; null when the recipient has an id
 * @param expiresAt when the link stops working; null: never
 */
public record PreferenceLink(
    String owner, Channel channel, String recipientId, String address, String category, Instant expiresAt) {

  public PreferenceLink {
    if (owner == null || channel == null || (recipientId == null) == (address == null)) {
      throw new IllegalArgumentException("a preference link names an owner, a channel and a recipient id or an address");
    }
  }

  /** The link of one message: the recipient's id when it has one, else its address. */
  public static PreferenceLink of(String owner, Channel channel, String recipientId, String address, String category,
      Instant expiresAt) {
    return recipientId != null && !recipientId.isBlank()
        ? new PreferenceLink(owner, channel, recipientId, null, category, expiresAt)
        : new PreferenceLink(owner, channel, null, address, category, expiresAt);
  }

  public boolean forRecipientId() {
    return recipientId != null;
  }

  public boolean expiredAt(Instant now) {
    return expiresAt != null && !expiresAt.isAfter(now);
  }
}
