package dev.herald.api.deadletter;

import java.util.List;

/**
 * What a re-drive by filter started: the open dead letters it took (oldest first, at most its limit), and
 * whether more open ones match (call again for them).
 */
public record BulkRedrive(List<Long> redriven, boolean more) {}
