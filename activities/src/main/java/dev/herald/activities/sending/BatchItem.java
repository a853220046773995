package dev.herald.activities.sending;

import java.util.HashMap;
import java.util.Map;

/**
 * One PENDING delivery of a batch with its member: the address, id, push token and locale fixed at
 * acceptance, the rest as the recipient table has it now (null for a recipient not stored, or
 * deleted since).
 */
record BatchItem(String deliveryId, int seq, String address, String recipientId, String pushToken, String name,
    String locale, String timeZone, String email, String phone, Map<String, Object> attributes) {

  /** The {@code recipient} template variable: the member's own fields. */
  Map<String, Object> asVariable() {
    Map<String, Object> recipient = new HashMap<>();
    recipient.put("id", recipientId);
    recipient.put("name", name);
    recipient.put("locale", locale);
    recipient.put("timeZone", timeZone);
    recipient.put("email", email);
    recipient.put("phone", phone);
    recipient.put("attributes", attributes);
    return recipient;
  }
}
