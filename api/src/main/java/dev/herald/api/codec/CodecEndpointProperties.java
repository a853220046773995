package dev.herald.api.codec;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code herald.temporal.codec-endpoint}: whether this process serves {@link TemporalCodecController}
 * ({@code HERALD_CODEC_ENDPOINT_ENABLED}, off unless set; the dev kit turns it on) and the origins of
 * the Temporal UI allowed to call it from the browser ({@code TEMPORAL_UI_ORIGINS}).
 */
@ConfigurationProperties("herald.temporal.codec-endpoint")
public record CodecEndpointProperties(boolean enabled, List<String> uiOrigins) {

  public static final String ENABLED = "herald.temporal.codec-endpoint.enabled";

  public List<String> uiOrigins() {
    return uiOrigins == null ? List.of() : uiOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
  }
}
