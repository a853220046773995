package dev.herald.activities.precedence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.precedence}: how lower-ranked work in this process gives way to higher-ranked work
 * ({@link Precedence}; docs/operations.md#priority-and-fairness).
 *
 * @param enabled whether work gives way at all
 * @param hold how long after higher-ranked work was last seen lower-ranked work still gives way
 * @param memberPause a broadcast batch's pause per member while it gives way
 * @param eventPause the NORMAL and LOW Kafka lanes' pause per event while HIGH work runs
 * @param lanePause the longest the LOW task queues' pollers stop at a stretch while HIGH work runs
 */
@Validated
@ConfigurationProperties("herald.precedence")
public record PrecedenceProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("200ms") Duration hold,
    @DefaultValue("20ms") Duration memberPause,
    @DefaultValue("250ms") Duration eventPause,
    @DefaultValue("1s") Duration lanePause) {}
