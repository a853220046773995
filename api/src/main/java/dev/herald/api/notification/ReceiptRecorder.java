package dev.herald.api.notification;

import dev.herald.workflows.audience.AudienceRules;
import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.messages.DeliveryReceipt;
import org.springframework.stereotype.Service;

/**
 * Takes a provider's receipt (webhook) straight into the delivery log, whether its notification is
 * still running or not: one write, never a signal, so a broadcast's thousands of receipts never
 * reach its workflow's history. A running notification waiting for receipts reads them there.
 */
@Service
public class ReceiptRecorder {

  private final DeliveryLogActivities deliveryLog;

  public ReceiptRecorder(DeliveryLogActivities deliveryLog) {
    this.deliveryLog = deliveryLog;
  }

  public void record(DeliveryReceipt receipt) {
    if (AudienceRules.notificationIdOf(receipt.deliveryId()) == null) {
      throw new InvalidRequestException("deliveryId", "is not a Herald delivery id");
    }
    deliveryLog.recordReceipt(receipt);
  }
}
