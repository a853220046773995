package dev.herald.workflows.messages;

import java.time.Instant;
import java.util.List;

/**
 * A notification's deliveries waiting for quiet hours to end: how many, the earliest time one may go,
 * and the numbers of the batches (of {@code batchSize} members) that hold them. None: {@code deliveries} 0.
 */
public record QuietWait(int deliveries, Instant earliest, List<Integer> batches) {

  public static final QuietWait NONE = new QuietWait(0, null, List.of());
}
