package dev.herald.workflows.digest;

import dev.herald.workflows.messages.NotificationSpec;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Hands a notification's events to its recipients' digests: a call to Temporal, which a workflow cannot make itself. */
@ActivityInterface
public interface DigestActivities {

  /**
   * For each recipient of {@code spec}, in order: adds its event to the recipient's digest
   * ({@link DigestWorkflow#add}, starting the digest when none runs) and marks its deliveries still
   * PENDING as SKIPPED with error code {@code digested:<digest notification id>}. Answers the digest
   * notification ids, one per recipient. A repeat adds nothing and answers the same.
   */
  List<String> handOver(NotificationSpec spec);
}
