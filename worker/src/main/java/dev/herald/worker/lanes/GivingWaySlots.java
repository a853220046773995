package dev.herald.worker.lanes;

import io.temporal.worker.tuning.SlotInfo;
import io.temporal.worker.tuning.SlotMarkUsedContext;
import io.temporal.worker.tuning.SlotPermit;
import io.temporal.worker.tuning.SlotReleaseContext;
import io.temporal.worker.tuning.SlotReserveContext;
import io.temporal.worker.tuning.SlotSupplier;
import io.temporal.worker.tuning.SlotSupplierFuture;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * A low lane's task slots: up to {@code most} at once, and {@code whileGivingWay} while {@code givingWay} says
 * HIGH work runs in this process. A poll waiting at the server holds a slot too, so that is one per queue the
 * lane polls (a workflow lane polls its sticky queue as well): between its pauses ({@link LowLanePolling}) a
 * low lane then takes its LOW tasks one at a time instead of a burst that queues ahead of the HIGH ones at the
 * server and on the cores; LOW work slows down and never stops. A reservation waits until a slot is free
 * under the limit of the moment; {@link #grantWaiting} hands out what the limit allows once HIGH work stops.
 */
final class GivingWaySlots<SI extends SlotInfo> implements SlotSupplier<SI> {

  private final int most;
  private final int whileGivingWay;
  private final BooleanSupplier givingWay;
  private final Deque<CompletableFuture<SlotPermit>> waiting = new ArrayDeque<>();
  private int issued;

  GivingWaySlots(int most, int whileGivingWay, BooleanSupplier givingWay) {
    if (whileGivingWay < 1 || most < whileGivingWay) {
      throw new IllegalArgumentException("a low lane needs at least one slot, and " + whileGivingWay
          + " while it gives way, not " + most);
    }
    this.most = most;
    this.whileGivingWay = whileGivingWay;
    this.givingWay = givingWay;
  }

  @Override
  public SlotSupplierFuture reserveSlot(SlotReserveContext<SI> context) {
    CompletableFuture<SlotPermit> reservation;
    synchronized (this) {
      if (waiting.isEmpty() && issued < limit()) {
        issued++;
        return SlotSupplierFuture.completedFuture(new SlotPermit());
      }
      reservation = new CompletableFuture<>();
      waiting.add(reservation);
    }
    return SlotSupplierFuture.fromCompletableFuture(reservation, () -> abandoned(reservation));
  }

  @Override
  public synchronized Optional<SlotPermit> tryReserveSlot(SlotReserveContext<SI> context) {
    if (!waiting.isEmpty() || issued >= limit()) {
      return Optional.empty();
    }
    issued++;
    return Optional.of(new SlotPermit());
  }

  @Override
  public void markSlotUsed(SlotMarkUsedContext<SI> context) {}

  @Override
  public void releaseSlot(SlotReleaseContext<SI> context) {
    synchronized (this) {
      issued--;
    }
    grantWaiting();
  }

  @Override
  public Optional<Integer> getMaximumSlots() {
    return Optional.of(most);
  }

  /** Grants waiting reservations as far as the limit of the moment allows, oldest first. */
  void grantWaiting() {
    List<CompletableFuture<SlotPermit>> granted = new ArrayList<>();
    synchronized (this) {
      while (!waiting.isEmpty() && issued < limit()) {
        issued++;
        granted.add(waiting.poll());
      }
    }
    // completed outside the lock: the SDK goes on polling from the completing thread
    granted.forEach(reservation -> reservation.complete(new SlotPermit()));
  }

  /** Slots handed out and not released. */
  synchronized int issued() {
    return issued;
  }

  private int limit() {
    return givingWay.getAsBoolean() ? whileGivingWay : most;
  }

  /** A reservation the SDK gave up: still waiting, it leaves the queue; granted meanwhile, its slot comes back. */
  private void abandoned(CompletableFuture<SlotPermit> reservation) {
    synchronized (this) {
      if (waiting.remove(reservation)) {
        return;
      }
      issued--;
    }
    grantWaiting();
  }
}
