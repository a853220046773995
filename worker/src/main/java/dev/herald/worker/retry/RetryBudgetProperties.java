package dev.herald.worker.retry;

import dev.herald.workflows.messages.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.retry}: a channel's retry budget other than its descriptor's ({@code Channels}), e.g.
 * {@code herald.retry.channels.sms.max-attempts=3} and {@code herald.retry.channels.sms.total=10s}; what
 * is left out keeps the descriptor's value. After the budget a delivery fails for good (a dead letter).
 */
@Validated
@ConfigurationProperties("herald.retry")
public record RetryBudgetProperties(@Valid Map<Channel, Budget> channels) {

  public Map<Channel, Budget> budgets() {
    return channels == null ? Map.of() : channels;
  }

  /**
   * @param maxAttempts attempts of a send at most (a batch's, each sending only what is still pending)
   * @param total how long a send may take in all, with its retries (schedule-to-close)
   */
  public record Budget(@Min(1) Integer maxAttempts, Duration total) {}
}
