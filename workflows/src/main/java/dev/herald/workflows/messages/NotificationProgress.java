package dev.herald.workflows.messages;

/**
 * Live progress of one notification, answered by the workflow's query. {@code sent} counts what
 * providers accepted, {@code delivered} the part of it confirmed by receipts.
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
    String statusDetail) {}
