package dev.herald.activities.deadletter;

import dev.herald.workflows.messages.DeliveryErrorType;
import java.time.Instant;

/**
 * One failed attempt of a delivery.
 *
 * @param attempt the send activity's attempt number (a re-drive counts from 1 again)
 * @param errorType Herald's error type; null on a delivery's last attempt (its code says it)
 * @param errorCode the provider's own code, else Herald's error type
 */
public record DeliveryAttempt(int attempt, DeliveryErrorType errorType, String errorCode, String message, Instant at) {}
