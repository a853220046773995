package dev.herald.worker.logging;

import dev.herald.activities.logging.LogFields;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts the workflow's id, and the notification's when it is one, in the log context of each workflow start
 * through Herald's client (the REST API's, the Kafka listener's, the console's), and logs the start.
 */
@Component
public class WorkflowStartLogContext extends WorkflowClientInterceptorBase {

  private static final Logger log = LoggerFactory.getLogger(WorkflowStartLogContext.class);

  @Override
  public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
    return new WorkflowClientCallsInterceptorBase(next) {
      @Override
      public WorkflowStartOutput start(WorkflowStartInput input) {
        String id = input.getWorkflowId();
        boolean notification = NotificationLogContext.NOTIFICATION_WORKFLOW.equals(input.getWorkflowType());
        try (LogFields.Scope ids = LogFields.workflow(id, notification ? id : null)) {
          WorkflowStartOutput started = super.start(input);
          log.debug("{} {} started", input.getWorkflowType(), id);
          return started;
        }
      }
    };
  }
}
