package dev.herald.workflows.messages;

import java.util.List;

/**
 * Where a broadcast carries on after continue-as-new: the next batch to send, the audience, the
 * counts of the batches finished so far, the approval given, and whether it was paused.
 */
public record BroadcastCheckpoint(
    int nextBatch, Audience audience, List<ChannelCounts> done, ApprovalDecision approval, boolean paused, int run) {}
