package dev.herald.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.worker.WorkerProperties.QueueTuning;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerPropertiesTest {

  @Test
  void aLowLaneHasItsQueuesTuningWithOnePollerUnlessItIsNamedItself() {
    WorkerProperties properties = new WorkerProperties(true, null, List.of(),
        Map.of("email", new QueueTuning(4, 80, 10), "sms-low", new QueueTuning(3, 5, 0)));

    assertThat(properties.tuning("email-low")).isEqualTo(new QueueTuning(1, 80, 10));
    assertThat(properties.tuning("sms-low")).isEqualTo(new QueueTuning(3, 5, 0));
    assertThat(properties.tuning("push-low")).isEqualTo(new QueueTuning(1, WorkerProperties.DEFAULT_TUNING.concurrency(),
        WorkerProperties.DEFAULT_TUNING.ratePerSecond()));
    assertThat(properties.tuning("push")).isEqualTo(WorkerProperties.DEFAULT_TUNING);
  }
}
