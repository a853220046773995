package dev.herald.api.deadletter;

import dev.herald.activities.deadletter.DeadLetter;
import dev.herald.activities.deadletter.DeliveryAttempt;
import java.util.List;

/** A dead letter with every failed attempt of its delivery, oldest first (none for an event). */
public record DeadLetterView(DeadLetter deadLetter, List<DeliveryAttempt> attempts) {}
