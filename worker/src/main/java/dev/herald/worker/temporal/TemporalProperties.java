package dev.herald.worker.temporal;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.temporal}: the cluster to use ({@code TEMPORAL_ADDRESS}, e.g. localhost:7233) and the
 * namespace. An empty address: the api refuses to start, the dev kit starts its own Temporal.
 */
@Validated
@ConfigurationProperties("herald.temporal")
public record TemporalProperties(String address, @NotBlank String namespace) {

  /** Condition: a cluster address is configured. */
  public static final String ADDRESS_CONFIGURED = "!'${herald.temporal.address:}'.isBlank()";
}
