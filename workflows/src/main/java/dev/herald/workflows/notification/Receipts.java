package dev.herald.workflows.notification;

import dev.herald.workflows.messages.DeliveryReceipt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Receipts a notification waits for: sent deliveries whose provider reports the end later, and the
 * receipts that arrived by signal. A receipt may arrive before its send is recorded; it is kept.
 */
final class Receipts {

  private final Set<String> expected = new HashSet<>();
  private final Set<String> concluded = new HashSet<>();
  private final List<DeliveryReceipt> arrived = new ArrayList<>();

  void expect(String deliveryId) {
    if (!concluded.contains(deliveryId)) {
      expected.add(deliveryId);
    }
  }

  void arrived(DeliveryReceipt receipt) {
    arrived.add(receipt);
  }

  boolean hasArrived() {
    return !arrived.isEmpty();
  }

  boolean awaiting() {
    return !expected.isEmpty() || !arrived.isEmpty();
  }

  /** The receipts to record now; a final one ends the wait for its delivery, a repeat of it is dropped. */
  List<DeliveryReceipt> takeArrived() {
    List<DeliveryReceipt> toRecord = new ArrayList<>();
    for (DeliveryReceipt receipt : arrived) {
      if (receipt.status().isFinal()) {
        if (!concluded.add(receipt.deliveryId())) {
          continue;
        }
        expected.remove(receipt.deliveryId());
      }
      toRecord.add(receipt);
    }
    arrived.clear();
    return toRecord;
  }
}
