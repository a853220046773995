package dev.herald.workflows.notification;

import dev.herald.workflows.digest.DigestActivities;
import dev.herald.workflows.digest.DigestIds;
import dev.herald.workflows.messages.NotificationSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The digest hand-over over a {@link FakeDeliveryLog}: each recipient's event goes into a digest named
 * after the recipient, and its deliveries are marked as the real activity marks them.
 */
final class FakeDigests implements DigestActivities {

  final List<NotificationSpec> handedOver = new CopyOnWriteArrayList<>();
  final List<Instant> handedOverAt = new CopyOnWriteArrayList<>();
  private final FakeDeliveryLog log;
  private final java.util.function.LongSupplier clock;

  FakeDigests(FakeDeliveryLog log, java.util.function.LongSupplier clock) {
    this.log = log;
    this.clock = clock;
  }

  static String digestOf(String recipientId) {
    return NotificationIds.of("ops@herald.test", "digest:replies:" + recipientId + ":1");
  }

  @Override
  public List<String> handOver(NotificationSpec spec) {
    handedOver.add(spec);
    handedOverAt.add(Instant.ofEpochMilli(clock.getAsLong()));
    List<String> digests = new ArrayList<>();
    for (int seq = 0; seq < spec.recipients().size(); seq++) {
      String digest = digestOf(spec.recipients().get(seq).id());
      log.skipMember(seq, DigestIds.SKIPPED_CODE + digest);
      digests.add(digest);
    }
    return digests;
  }
}
