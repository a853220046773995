package dev.herald.activities.preference;

import dev.herald.workflows.messages.Channel;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;

/** At most {@code max} sends of {@code category} on {@code channel} to one recipient within {@code window}. */
public record FrequencyCap(
    @NotNull @Pattern(regexp = Category.NAME) String category,
    @NotNull Channel channel,
    @Min(1) int max,
    @NotNull Duration window) {}
