package dev.herald.worker.logging;

import dev.herald.activities.logging.LogFields;
import dev.herald.workflows.notification.NotificationWorkflow;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.workflow.Workflow;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Puts the notification's id in the log context of its workflow and of each of its activities (a
 * notification's id is its workflow id), beside what the Temporal SDK puts there itself: the workflow id
 * and type, the run id and, in an activity, its type and attempt. Only the log context changes, which no
 * workflow decision reads, so replay is unaffected.
 */
@Component
public class NotificationLogContext extends WorkerInterceptorBase {

  /** The workflow type of a notification: its interface's simple name, as Temporal names it. */
  static final String NOTIFICATION_WORKFLOW = NotificationWorkflow.class.getSimpleName();

  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new WorkflowInboundCallsInterceptorBase(next) {
      @Override
      public WorkflowOutput execute(WorkflowInput input) {
        // for the workflow thread's life: Temporal clears its log context when it ends
        if (NOTIFICATION_WORKFLOW.equals(Workflow.getInfo().getWorkflowType())) {
          MDC.put(LogFields.NOTIFICATION_ID, Workflow.getInfo().getWorkflowId());
        }
        return super.execute(input);
      }
    };
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityExecutionContext context;

      @Override
      public void init(ActivityExecutionContext context) {
        this.context = context;
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        if (!NOTIFICATION_WORKFLOW.equals(context.getInfo().getWorkflowType())) {
          return super.execute(input);
        }
        try (LogFields.Scope ids = LogFields.notification(context.getInfo().getWorkflowId())) {
          return super.execute(input);
        }
      }
    };
  }
}
