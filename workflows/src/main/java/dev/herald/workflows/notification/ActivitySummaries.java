package dev.herald.workflows.notification;

import dev.herald.workflows.TemporalUiText;
import dev.herald.workflows.channel.AddressKind;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.Recipient;
import java.util.List;
import java.util.Objects;

/**
 * What the Temporal UI shows for a batch activity: the channel and whom it sends to, e.g. {@code EMAIL to
 * a***@example.com} or {@code EMAIL to members #100-#199 of group vip}. Addresses masked
 * ({@link AddressKind#masked}), never content; members numbered as in delivery ids. Summaries are
 * metadata of the schedule command, not compared on replay.
 */
public final class ActivitySummaries {

  /** A list's batch up to this many members names their (masked) addresses; a larger one its member numbers. */
  static final int MOST_ADDRESSES = 3;

  private ActivitySummaries() {}

  static String batch(NotificationSpec spec, BatchRequest batch) {
    String summary = batch.channel() + " to " + whom(spec, batch);
    if (!batch.reachedBy().isEmpty()) {
      summary += (batch.acknowledged() ? ", unless acknowledged on " : ", unless reached on ") + batch.reachedBy();
    }
    return clamp(summary);
  }

  /** The batch's summary for its {@code rerun}-th run for deliveries it left pending. */
  static String rerun(NotificationSpec spec, BatchRequest batch, int rerun) {
    return clamp(batch(spec, batch) + ", rerun " + rerun);
  }

  /** A re-drive's send of one dead delivery. */
  public static String redrive(String deliveryId, BatchRequest batch) {
    return clamp(batch.channel() + " re-drive of " + deliveryId);
  }

  private static String whom(NotificationSpec spec, BatchRequest batch) {
    if (!spec.isBroadcast() && batch.size() <= MOST_ADDRESSES && batch.toSeq() <= spec.recipients().size()) {
      AddressKind kind = Channels.of(batch.channel()).address();
      List<String> shown = spec.recipients().subList(batch.fromSeq(), batch.toSeq()).stream()
          .map(kind::of).filter(Objects::nonNull).map(kind::masked).toList();
      if (!shown.isEmpty()) {
        return String.join(", ", shown);
      }
    }
    String members = batch.size() == 1 ? "member #" + batch.fromSeq()
        : "members #" + batch.fromSeq() + "-#" + (batch.toSeq() - 1);
    return spec.isBroadcast() ? members + " of group " + spec.group() : members;
  }

  private static String clamp(String summary) {
    return TemporalUiText.clamp(summary, TemporalUiText.ENCRYPTED_SUMMARY_BYTES);
  }
}
