package dev.herald.api.deadletter;

import dev.herald.activities.deadletter.DeadLetter;
import java.util.List;

/** One page of dead letters, newest first; {@code hasNext} when another page follows. */
public record DeadLetterPage(List<DeadLetter> items, int page, int size, boolean hasNext) {}
