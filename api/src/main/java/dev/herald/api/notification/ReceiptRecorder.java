package dev.herald.api.notification;

import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.notification.NotificationWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes a provider's receipt (webhook) to its notification: a signal while the workflow runs, so
 * its progress and final status count it; straight into the delivery log once it has finished.
 */
@Service
public class ReceiptRecorder {

  private static final Logger log = LoggerFactory.getLogger(ReceiptRecorder.class);

  private final WorkflowClient client;
  private final DeliveryLogActivities deliveryLog;

  public ReceiptRecorder(WorkflowClient client, DeliveryLogActivities deliveryLog) {
    this.client = client;
    this.deliveryLog = deliveryLog;
  }

  public void record(DeliveryReceipt receipt) {
    String notificationId = notificationIdOf(receipt.deliveryId());
    try {
      client.newWorkflowStub(NotificationWorkflow.class, notificationId).receipt(receipt);
    } catch (WorkflowNotFoundException finished) {
      log.debug("notification {} has finished; receipt for {} goes to the log", notificationId, receipt.deliveryId());
      deliveryLog.recordReceipt(receipt);
    }
  }

  /** Delivery ids are {@code <notification id>/<channel>/<index>}. */
  static String notificationIdOf(String deliveryId) {
    int slash = deliveryId.indexOf('/');
    if (slash <= 0) {
      throw new InvalidRequestException("deliveryId", "is not a Herald delivery id");
    }
    return deliveryId.substring(0, slash);
  }
}
