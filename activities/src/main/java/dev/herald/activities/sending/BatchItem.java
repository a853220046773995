package dev.herald.activities.sending;

import dev.herald.workflows.messages.DeliveryStatus;
import java.util.HashMap;
import java.util.Map;

/**
 * One delivery of a batch as the batch loaded it (its status then, and whether that load claimed
 * it), with its member: the address, id, push token and locale fixed at acceptance, the rest as the
 * recipient table has it now (null for a recipient not stored, or deleted since).
 */
record BatchItem(String deliveryId, DeliveryStatus status, boolean claimed, int seq, String address, String recipientId,
    String pushToken, String name, String locale, String timeZone, String email, String phone, String slack,
    Map<String, Object> attributes) {

  /** The {@code recipient} template variable: the member's own fields. */
  Map<String, Object> asVariable() {
    Map<String, Object> recipient = new HashMap<>();
    recipient.put("id", recipientId);
    recipient.put("name", name);
    recipient.put("locale", locale);
    recipient.put("timeZone", timeZone);
    recipient.put("email", email);
    recipient.put("phone", phone);
    recipient.put("slack", slack);
    recipient.put("attributes", attributes);
    return recipient;
  }
}
