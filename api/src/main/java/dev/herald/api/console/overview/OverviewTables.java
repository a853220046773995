package dev.herald.api.console.overview;

import dev.herald.activities.stats.ChannelBacklog;
import dev.herald.activities.stats.ChannelPriorityStats;
import dev.herald.activities.stats.MinuteCount;
import dev.herald.activities.stats.StatsOutcome;
import dev.herald.api.stats.StatsView;
import dev.herald.workflows.messages.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The overview's figures as the page renders them without scripts (its script redraws the same from the
 * JSON): the window's totals, and per channel a row per minute with a count per outcome.
 */
record OverviewTables(long sent, long delivered, long failed, long skipped, long deadLettered, Double failureRate,
    long backlog, List<ChannelMinutes> minutes) {

  /** One channel's minutes with an outcome, oldest first; {@code counts} in {@link StatsOutcome} order. */
  record ChannelMinutes(Channel channel, List<MinuteRow> rows) {}

  record MinuteRow(Instant minute, List<Long> counts) {}

  static OverviewTables of(StatsView stats) {
    List<ChannelPriorityStats> rows = stats.byChannelAndPriority();
    long failed = sum(rows, ChannelPriorityStats::failed);
    long tried = sum(rows, ChannelPriorityStats::tried);
    return new OverviewTables(sum(rows, ChannelPriorityStats::sent), sum(rows, ChannelPriorityStats::delivered), failed,
        sum(rows, ChannelPriorityStats::skipped), sum(rows, ChannelPriorityStats::deadLettered),
        tried == 0 ? null : (double) failed / tried,
        stats.now().backlog().stream().mapToLong(ChannelBacklog::pending).sum(), minutes(stats.perMinute()));
  }

  /** A time to deliver as the page shows it: "420 ms", "3.2 s", "4.5 min"; a dash when none. */
  public String duration(Long millis) {
    if (millis == null) {
      return "—";
    }
    if (millis < 1_000) {
      return millis + " ms";
    }
    return millis < 60_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1_000.0)
        : String.format(Locale.ROOT, "%.1f min", millis / 60_000.0);
  }

  /** A rate as a percentage with one decimal; a dash when there is none. */
  public String percent(Double rate) {
    return rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }

  public List<StatsOutcome> outcomes() {
    return List.of(StatsOutcome.values());
  }

  private static List<ChannelMinutes> minutes(List<MinuteCount> counts) {
    Map<Channel, Map<Instant, long[]>> byChannel = new TreeMap<>();
    for (MinuteCount count : counts) {
      byChannel.computeIfAbsent(count.channel(), c -> new TreeMap<>())
          .computeIfAbsent(count.minute(), m -> new long[StatsOutcome.values().length])[count.outcome().ordinal()] += count.count();
    }
    List<ChannelMinutes> channels = new ArrayList<>();
    byChannel.forEach((channel, minutes) -> channels.add(new ChannelMinutes(channel, minutes.entrySet().stream()
        .map(e -> new MinuteRow(e.getKey(), Arrays.stream(e.getValue()).boxed().toList())).toList())));
    return channels;
  }

  private static long sum(List<ChannelPriorityStats> rows, ToLongFunction<ChannelPriorityStats> figure) {
    return rows.stream().mapToLong(figure).sum();
  }
}
