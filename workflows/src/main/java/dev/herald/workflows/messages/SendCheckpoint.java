package dev.herald.workflows.messages;

import java.util.List;

/**
 * Where a notification's sending carries on after continue-as-new: the next batch to send, the
 * audience, the counts of the batches finished so far, the approval given, whether it was paused,
 * the run number and the batch size its ranges were cut with, and whether a batch so far held
 * deliveries back for quiet hours (false in checkpoints from before quiet hours).
 */
public record SendCheckpoint(int nextBatch, Audience audience, List<ChannelCounts> done, ApprovalDecision approval,
    boolean paused, int run, int batchSize, boolean quietHeld) {}
