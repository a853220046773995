package dev.herald.workflows.channel;

import dev.herald.workflows.messages.Recipient;
import java.util.Locale;

/** Which of a recipient's fields a channel sends to, and when two such addresses are the same one. */
public enum AddressKind {
  /** The recipient's email; compared without case (mail systems treat addresses so). */
  EMAIL("email"),
  /** The recipient's phone, E.164 once accepted. */
  PHONE("phone"),
  /** The recipient's own id: the owner of an inbox. Ids are compared as they are. */
  RECIPIENT_ID("id"),
  /** The devices registered for the recipient id, or the request's push token when there is no id. */
  DEVICES("pushToken"),
  /** The recipient's Slack user or conversation id; ids are compared as they are (Slack's are upper case). */
  SLACK("slack");

  private final String field;

  AddressKind(String field) {
    this.field = field;
  }

  /** The request field that carries this address, for error messages. */
  public String field() {
    return field;
  }

  /** The recipient's address of this kind, or null when it has none. */
  public String of(Recipient recipient) {
    String address = switch (this) {
      case EMAIL -> recipient.email();
      case PHONE -> recipient.phone();
      case RECIPIENT_ID -> recipient.id();
      case DEVICES -> recipient.id() != null ? recipient.id() : recipient.pushToken();
      case SLACK -> recipient.slack();
    };
    return address == null || address.isEmpty() ? null : address;
  }

  /** The address as the Temporal UI and logs may show it ({@link MaskedAddress}). */
  public String masked(String address) {
    return switch (this) {
      case EMAIL -> MaskedAddress.email(address);
      case PHONE -> MaskedAddress.phone(address);
      case RECIPIENT_ID, DEVICES, SLACK -> MaskedAddress.id(address);
    };
  }

  /** Two addresses with the same key are one: the audience gets one delivery for them. */
  public String dedupeKey(String address) {
    return this == EMAIL ? address.toLowerCase(Locale.ROOT) : address;
  }
}
