package dev.herald.activities.email;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.email}: the sender address and the SMTP server. When {@code smtp.host} is empty the
 * dev kit starts a local SMTP sink instead.
 */
@Validated
@ConfigurationProperties("herald.email")
public record EmailProperties(
    @NotBlank String from,
    @NotBlank String messageIdDomain,
    @Valid @NotNull Smtp smtp) {

  public record Smtp(
      String host,
      @Min(0) int port,
      String username,
      String password,
      boolean startTls,
      @Min(1) int connections,
      @NotNull Duration timeout) {}
}
