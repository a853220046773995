package dev.herald.activities.preference;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code herald.preferences}: the frequency caps every send is held to (docs/preferences.md). */
@Validated
@ConfigurationProperties("herald.preferences")
public record PreferenceProperties(@Valid List<FrequencyCap> frequencyCaps) {

  public PreferenceProperties {
    frequencyCaps = frequencyCaps == null ? List.of() : List.copyOf(frequencyCaps);
  }

  /** The cap on a category and channel; empty when none is configured (or no category). */
  public Optional<FrequencyCap> capOn(String category, dev.herald.workflows.messages.Channel channel) {
    return frequencyCaps.stream().filter(cap -> cap.category().equals(category) && cap.channel() == channel).findFirst();
  }
}
