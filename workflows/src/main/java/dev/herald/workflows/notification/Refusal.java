package dev.herald.workflows.notification;

import dev.herald.workflows.messages.NotificationStatus;

/** Why a notification ends before sending anything: rejected or expired approval. */
record Refusal(NotificationStatus status, String reason) {}
