package dev.herald.activities.preference;

import dev.herald.workflows.messages.Channel;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The recipients' say over each send, asked by the send path right before it sends a group of
 * members: opt-outs, suppressed addresses, quiet hours and frequency caps ({@link BatchGate}).
 */
@Component
public class SendGate {

  private final SendChoices choices;
  private final Categories categories;
  private final PreferenceProperties properties;
  private final FrequencyCounter counter;
  private final Suppressions suppressions;

  public SendGate(SendChoices choices, Categories categories, PreferenceProperties properties,
      FrequencyCounter counter, Suppressions suppressions) {
    this.choices = choices;
    this.categories = categories;
    this.properties = properties;
    this.counter = counter;
    this.suppressions = suppressions;
  }

  /**
   * The gate for one batch of a sender's notification of {@code category} (null: none) on a channel.
   *
   * @param quietHoursApply false when the send passes quiet hours (HIGH priority its template lets
   *     through), or was asked for by a workflow from before them
   * @param at the workflow's time: quiet hours are judged at the later of it and this clock
   */
  public BatchGate forBatch(String owner, Channel channel, String category, boolean quietHoursApply, Instant at) {
    Optional<FrequencyCap> cap = properties.capOn(category, channel);
    return new BatchGate(owner, channel, category, categories.isCritical(category), quietHoursApply, at,
        cap.orElse(null), choices, counter);
  }

  /** A provider said the address unsubscribed (e.g. Twilio 21610): nothing more goes to it, from any sender. */
  public void providerOptedOut(Channel channel, String address, String providerCode) {
    suppressions.addForEverySender(channel, address, providerCode == null ? "provider" : providerCode);
  }
}
