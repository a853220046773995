package dev.herald.api.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.security}: the bootstrap admin key ({@code HERALD_BOOTSTRAP_ADMIN_KEY}), paths open
 * without a credential beyond health, webhooks and herald-inbox.js (none outside the dev kit), how
 * long a verified key is trusted from memory, recipient tokens and the limits on failed attempts.
 */
@Validated
@ConfigurationProperties("herald.security")
public record SecurityProperties(
    String bootstrapAdminKey,
    @NotNull @DefaultValue List<String> openPaths,
    @NotNull @DefaultValue("30s") Duration keyCacheTtl,
    @Min(1) @DefaultValue("10000") int keyCacheSize,
    @Valid @NotNull @DefaultValue RecipientTokens recipientTokens,
    @Valid @NotNull @DefaultValue FailedAttempts failedAttempts) {

  /**
   * Signing keys by key id (base64, 32 bytes or more), several during a rotation; {@code signingKey}
   * names the one new tokens are signed with. Tokens live {@code defaultTtl} unless asked for less
   * or more, never beyond {@code maxTtl}.
   */
  public record RecipientTokens(
      String signingKey,
      @NotNull @DefaultValue Map<String, String> keys,
      @NotNull @DefaultValue("15m") Duration defaultTtl,
      @NotNull @DefaultValue("24h") Duration maxTtl) {}

  /** Failed authentications answered 429 beyond these counts per window, per source address and per key prefix. */
  public record FailedAttempts(
      @Min(1) @DefaultValue("20") int perAddress,
      @Min(1) @DefaultValue("10") int perPrefix,
      @NotNull @DefaultValue("1m") Duration window,
      @Min(1) @DefaultValue("10000") int tracked) {}
}
