package dev.herald.activities.metrics;

import dev.herald.activities.deadletter.DeadLetterKind;
import dev.herald.workflows.messages.Channel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

/**
 * What waits in PostgreSQL: notifications waiting for approval, for their send time or for quiet hours
 * (how many, and how long the oldest has), and dead letters open by kind and channel. Two grouped queries
 * per refresh ({@link GaugeRefresh}); every process that has the store reports the same, cluster-wide
 * values (take the max over processes, not the sum).
 */
@Component
public class StoreGauges {

  static final List<String> STATES = List.of("pending_approval", "scheduled", "quiet_hours");

  /** A scheduled notification whose pending deliveries wait for quiet hours to end counts as quiet_hours. */
  private static final String WAITING = """
      select case when n.status = 'PENDING_APPROVAL' then 'pending_approval'
                  when exists (select 1 from delivery d where d.notification_id = n.id and d.status = 'PENDING'
                               and d.not_before > now()) then 'quiet_hours'
                  else 'scheduled' end as state,
             count(*) as waiting, extract(epoch from now() - min(n.updated_at)) as oldest
      from notification n where n.status in ('PENDING_APPROVAL', 'SCHEDULED')
      group by 1""";

  private static final String DEAD_LETTERS = """
      select kind, coalesce(channel, 'none') as channel, count(*) as open
      from dead_letter where status = 'OPEN' group by 1, 2""";

  private final JdbcOperations jdbc;
  private volatile Map<String, double[]> waiting = Map.of();
  private volatile Map<String, Long> deadLetters = Map.of();

  StoreGauges(ObjectProvider<MeterRegistry> registries, JdbcOperations jdbc, GaugeRefresh refresh) {
    this.jdbc = jdbc;
    MeterRegistry registry = registries.getIfAvailable(SimpleMeterRegistry::new);
    for (String state : STATES) {
      Gauge.builder(HeraldMeters.WAITING, this, gauges -> gauges.waiting.getOrDefault(state, new double[2])[0])
          .tag(HeraldMeters.STATE, state).register(registry);
      Gauge.builder(HeraldMeters.WAITING_AGE, this, gauges -> gauges.waiting.getOrDefault(state, new double[2])[1])
          .tag(HeraldMeters.STATE, state).register(registry);
    }
    for (DeadLetterKind kind : DeadLetterKind.values()) {
      for (String channel : channelsOf(kind)) {
        String key = kind.name() + '/' + channel;
        Gauge.builder(HeraldMeters.DEAD_LETTERS_OPEN, this, gauges -> gauges.deadLetters.getOrDefault(key, 0L))
            .tag(HeraldMeters.KIND, kind.name()).tag(HeraldMeters.CHANNEL, channel).register(registry);
      }
    }
    refresh.every("waiting notifications and open dead letters", this::refresh);
  }

  /** A delivery's dead letter has its channel; an event's none. */
  private static List<String> channelsOf(DeadLetterKind kind) {
    return kind == DeadLetterKind.EVENT ? List.of(HeraldMeters.NONE)
        : java.util.Arrays.stream(Channel.values()).map(Channel::name).toList();
  }

  void refresh() {
    Map<String, double[]> nowWaiting = new HashMap<>();
    jdbc.query(WAITING, row -> {
      nowWaiting.put(row.getString("state"), new double[] {row.getLong("waiting"), row.getDouble("oldest")});
    });
    Map<String, Long> nowOpen = new HashMap<>();
    jdbc.query(DEAD_LETTERS, row -> {
      nowOpen.put(row.getString("kind") + '/' + row.getString("channel"), row.getLong("open"));
    });
    waiting = nowWaiting;
    deadLetters = nowOpen;
  }
}
