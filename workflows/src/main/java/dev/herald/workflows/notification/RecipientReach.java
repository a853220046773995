package dev.herald.workflows.notification;

import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.PlannedDelivery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether each unit (one delivery, or one recipient's fallback chain) reached its recipient. The
 * final status counts units: an SMS that failed followed by an email that went out is a success.
 */
final class RecipientReach {

  private final Map<String, Integer> unitOfDelivery = new HashMap<>();
  private final int[] sent;
  private final int[] failed;

  RecipientReach(List<List<PlannedDelivery>> units) {
    sent = new int[units.size()];
    failed = new int[units.size()];
    for (int unit = 0; unit < units.size(); unit++) {
      for (PlannedDelivery delivery : units.get(unit)) {
        unitOfDelivery.put(delivery.id(), unit);
      }
    }
  }

  void outcome(String deliveryId, DeliveryStatus status) {
    Integer unit = unitOfDelivery.get(deliveryId);
    if (unit == null) {
      return;
    }
    switch (status) {
      case SENT, DELIVERED -> sent[unit]++;
      case FAILED -> failed[unit]++;
      default -> {}
    }
  }

  /** A receipt said a sent delivery never arrived. */
  void undelivered(String deliveryId) {
    Integer unit = unitOfDelivery.get(deliveryId);
    if (unit != null && sent[unit] > 0) {
      sent[unit]--;
      failed[unit]++;
    }
  }

  /** COMPLETED when no unit failed (skipped ones are fine), FAILED when none got through, else PARTIALLY_FAILED. */
  NotificationStatus status() {
    int reached = 0;
    int unreached = 0;
    for (int unit = 0; unit < sent.length; unit++) {
      if (sent[unit] > 0) {
        reached++;
      } else if (failed[unit] > 0) {
        unreached++;
      }
    }
    if (unreached == 0) {
      return NotificationStatus.COMPLETED;
    }
    return reached == 0 ? NotificationStatus.FAILED : NotificationStatus.PARTIALLY_FAILED;
  }
}
