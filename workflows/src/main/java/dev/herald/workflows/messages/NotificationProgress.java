package dev.herald.workflows.messages;

import java.util.List;

/**
 * Live progress of one notification, answered by the workflow's query. {@code sent} counts what
 * providers accepted, {@code delivered} the part of it confirmed by receipts.
 * {@code channels}: the same counts per channel (for a broadcast, updated as each batch finishes).
 */
public record NotificationProgress(
    NotificationStatus status,
    int total,
    int pending,
    int sent,
    int delivered,
    int failed,
    int skipped,
    int cancelled,
    ApprovalDecision approval,
    String statusDetail,
    List<ChannelCounts> channels) {}
