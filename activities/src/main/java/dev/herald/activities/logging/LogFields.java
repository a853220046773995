package dev.herald.activities.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The fields Herald puts in the log context (SLF4J's MDC) of work on a notification, shown by the JSON log
 * lines outside the dev kit (docs/operations.md#logs-and-traces). Ids only: never an address, a subject or a body.
 * Temporal's SDK puts its own ({@code WorkflowId}, {@code ActivityType}, {@code Attempt}, ...) in its workflow
 * and activity threads, which the JSON lines show in camelCase; so {@link #WORKFLOW_ID} is set outside them only.
 */
public final class LogFields {

  public static final String NOTIFICATION_ID = "notificationId";
  public static final String WORKFLOW_ID = "workflowId";
  public static final String DELIVERY_ID = "deliveryId";
  /** The Temporal SDK's own field for the workflow id, in its workflow and activity threads. */
  static final String SDK_WORKFLOW_ID = "WorkflowId";

  private LogFields() {}

  /** Work on a notification inside Temporal's threads (its workflow id is the SDK's field). */
  public static Scope notification(String notificationId) {
    return with(NOTIFICATION_ID, notificationId);
  }

  /**
   * Work on a workflow (its start), and the notification it is, if it is one. In Temporal's threads (a start
   * from an activity) the SDK's field keeps the running workflow's id and only the notification's is put.
   */
  public static Scope workflow(String workflowId, String notificationId) {
    return with(WORKFLOW_ID, MDC.get(SDK_WORKFLOW_ID) == null ? workflowId : null, NOTIFICATION_ID, notificationId);
  }

  /** One delivery of a notification. */
  public static Scope delivery(String notificationId, String deliveryId) {
    return with(DELIVERY_ID, deliveryId, NOTIFICATION_ID, notificationId);
  }

  /** Puts the fields that have a value; closing puts back what was there before (an outer scope's, or nothing). */
  private static Scope with(String... keysAndValues) {
    Map<String, String> before = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      String key = keysAndValues[i];
      if (keysAndValues[i + 1] != null) {
        before.put(key, MDC.get(key));
        MDC.put(key, keysAndValues[i + 1]);
      }
    }
    return () -> before.forEach((key, value) -> {
      if (value == null) {
        MDC.remove(key);
      } else {
        MDC.put(key, value);
      }
    });
  }

  /** Log fields in place until closed. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
