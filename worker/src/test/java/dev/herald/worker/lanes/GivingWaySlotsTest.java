package dev.herald.worker.lanes;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.worker.tuning.SlotPermit;
import io.temporal.worker.tuning.SlotReleaseContext;
import io.temporal.worker.tuning.SlotReleaseReason;
import io.temporal.worker.tuning.SlotSupplierFuture;
import io.temporal.worker.tuning.WorkflowSlotInfo;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A low lane's slots: all of them while no HIGH work runs, one while it does, none lost to an abandoned wait. */
class GivingWaySlotsTest {

  private final AtomicBoolean highRuns = new AtomicBoolean();
  private final GivingWaySlots<WorkflowSlotInfo> slots = new GivingWaySlots<>(3, 1, highRuns::get);

  @Test
  void withoutHighWorkALaneHasAllItsSlotsAndAFurtherReservationWaitsForARelease() {
    SlotSupplierFuture first = slots.reserveSlot(null);
    SlotSupplierFuture second = slots.reserveSlot(null);
    SlotSupplierFuture third = slots.reserveSlot(null);
    SlotSupplierFuture fourth = slots.reserveSlot(null);

    assertThat(first).isDone();
    assertThat(second).isDone();
    assertThat(third).isDone();
    assertThat(fourth).isNotDone();
    assertThat(slots.tryReserveSlot(null)).isEmpty();

    slots.releaseSlot(release(first.join()));

    assertThat(fourth).isDone();
    assertThat(slots.issued()).isEqualTo(3);
  }

  @Test
  void whileHighWorkRunsALaneHasOneSlotAndTheOthersWaitUntilItStops() {
    highRuns.set(true);
    SlotSupplierFuture first = slots.reserveSlot(null);
    SlotSupplierFuture second = slots.reserveSlot(null);
    SlotSupplierFuture third = slots.reserveSlot(null);

    assertThat(first).isDone();
    assertThat(second).isNotDone();
    assertThat(slots.tryReserveSlot(null)).isEmpty();

    slots.releaseSlot(release(first.join()));
    assertThat(second).isDone();
    assertThat(third).isNotDone();

    highRuns.set(false);
    slots.grantWaiting();
    assertThat(third).isDone();
    assertThat(slots.issued()).isEqualTo(2);
  }

  @Test
  void anAbandonedReservationTakesNoSlotWhetherItWaitedOrWasGrantedMeanwhile() {
    highRuns.set(true);
    SlotSupplierFuture held = slots.reserveSlot(null);
    SlotSupplierFuture waiting = slots.reserveSlot(null);

    assertThat(waiting.abortReservation()).isNull();
    slots.releaseSlot(release(held.join()));
    assertThat(slots.issued()).isZero();

    SlotSupplierFuture granted = slots.reserveSlot(null);
    SlotPermit handedBack = granted.abortReservation();
    assertThat(handedBack).isNotNull();
    slots.releaseSlot(release(handedBack));
    assertThat(slots.issued()).isZero();
  }

  private static SlotReleaseContext<WorkflowSlotInfo> release(SlotPermit permit) {
    return new SlotReleaseContext<>() {
      @Override
      public SlotReleaseReason getSlotReleaseReason() {
        return SlotReleaseReason.taskComplete();
      }

      @Override
      public SlotPermit getSlotPermit() {
        return permit;
      }

      @Override
      public WorkflowSlotInfo getSlotInfo() {
        return null;
      }
    };
  }
}
