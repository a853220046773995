package dev.herald.devkit.embedded;

import java.util.List;

/**
 * The settings every Herald-started {@code temporal server start-dev} runs with, beyond the
 * defaults: the all-in-one app, {@code temporal-dev/start.sh} (which reads
 * {@code temporal-dev/server-options}), the compose file and the end-to-end suite. Tests check that
 * the file and the compose file say the same as {@link #ARGS}.
 */
public final class DevServerTuning {

  /** Pairs of flag and value, in command-line order. */
  public static final List<String> ARGS = List.of(
      // One partition per task queue: with the default 4 and Herald's 2 pollers per queue, a task
      // written to a partition no poller was on waited out a whole long poll (~60 s).
      "--dynamic-config-value", "matching.numTaskqueueReadPartitions=1",
      "--dynamic-config-value", "matching.numTaskqueueWritePartitions=1",
      // Matching's priority and fairness matcher: the server of CLI v1.5.1 (1.29.1) has both off by
      // default and then dispatches in arrival order whatever the tasks' priority and fairness keys.
      "--dynamic-config-value", "matching.useNewMatcher=true",
      "--dynamic-config-value", "matching.enableFairness=true",
      // The search-attribute cache on, as on a production server: start-dev turns it off (so an
      // attribute added at run time works at once) and then reads the namespace from SQLite, under
      // one lock, on every use of a custom search attribute; each Herald workflow carries four.
      // Herald's workflow with no-op activities: 48-53 -> 57-59 workflows/s on the 2-core box.
      // Herald's attributes are in the file before the server serves (--search-attribute), and
      // TemporalDevServer waits out the ~10 s namespace refresh for any it has to add.
      "--dynamic-config-value", "system.forceSearchAttributesCacheRefreshOnRead=false",
      // The SQLite file in WAL mode: the default rollback journal syncs every write (~6 -> ~16
      // workflows/s in the end-to-end suite). synchronous=normal stays crash-safe in WAL mode; a
      // power loss may lose the last transactions, not corrupt the file.
      "--sqlite-pragma", "journal_mode=wal",
      "--sqlite-pragma", "synchronous=normal");

  private DevServerTuning() {}
}
