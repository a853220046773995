package dev.herald.workflows.messages;

/** Live progress of one notification, answered by the workflow's query. */
public record NotificationProgress(
    NotificationStatus status,
    int total,
    int pending,
    int sent,
    int failed,
    int cancelled,
    ApprovalDecision approval,
    String statusDetail) {}
