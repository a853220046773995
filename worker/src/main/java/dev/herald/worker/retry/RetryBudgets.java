package dev.herald.worker.retry;

import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.messages.Channel;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import java.util.HashMap;
import java.util.Map;

/**
 * Applies {@code herald.retry} to the sends the workflows of this worker schedule: an activity on a
 * channel's task queue (either lane) gets that channel's configured attempts and total time. Only retry options and
 * timeouts change, which Temporal does not compare on replay, so running workflows replay as before.
 */
public final class RetryBudgets extends WorkerInterceptorBase {

  private final Map<String, RetryBudgetProperties.Budget> byQueue = new HashMap<>();

  public RetryBudgets(RetryBudgetProperties properties) {
    properties.budgets().forEach((Channel channel, RetryBudgetProperties.Budget budget) -> {
      byQueue.put(Channels.of(channel).taskQueue(), budget);
      byQueue.put(TaskQueues.lowLane(Channels.of(channel).taskQueue()), budget);
    });
  }

  /** The options with the budget of their task queue's channel, if one is configured. */
  ActivityOptions apply(ActivityOptions options) {
    RetryBudgetProperties.Budget budget = byQueue.get(options.getTaskQueue());
    if (budget == null) {
      return options;
    }
    ActivityOptions.Builder changed = ActivityOptions.newBuilder(options);
    if (budget.maxAttempts() != null && options.getRetryOptions() != null) {
      changed.setRetryOptions(RetryOptions.newBuilder(options.getRetryOptions())
          .setMaximumAttempts(budget.maxAttempts()).build());
    }
    if (budget.total() != null) {
      changed.setScheduleToCloseTimeout(budget.total());
    }
    return changed.build();
  }

  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new WorkflowInboundCallsInterceptorBase(next) {
      @Override
      public void init(WorkflowOutboundCallsInterceptor outbound) {
        super.init(new WorkflowOutboundCallsInterceptorBase(outbound) {
          @Override
          public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
            return super.executeActivity(new ActivityInput<>(input.getActivityName(), input.getResultClass(),
                input.getResultType(), input.getArgs(), apply(input.getOptions()), input.getHeader()));
          }
        });
      }
    };
  }
}
