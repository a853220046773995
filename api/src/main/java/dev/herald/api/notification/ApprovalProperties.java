package dev.herald.api.notification;

import dev.herald.workflows.messages.ApprovalPolicy;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.approval}: sends to more than {@code threshold} recipients wait for an admin's
 * decision, and expire after {@code timeout} without one.
 */
@Validated
@ConfigurationProperties("herald.approval")
public record ApprovalProperties(@Min(0) int threshold, @NotNull Duration timeout) {

  public ApprovalPolicy policy() {
    return new ApprovalPolicy(threshold, timeout);
  }
}
