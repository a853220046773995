package dev.herald.workflows.messages;

import java.time.Duration;
import java.time.LocalTime;

/**
 * A template version's digest, fixed at acceptance: its notifications are not sent one by one but
 * collected per recipient and {@code key} and sent as one message when the window ends. Exactly one
 * of {@code window} and {@code dailyAt} is set.
 *
 * @param key what the events are collected by (the template key unless the version names another)
 * @param window how long a window stays open after its first event
 * @param dailyAt the window ends at this time of day in the recipient's time zone (UTC without one)
 */
public record DigestRule(String key, Duration window, LocalTime dailyAt) {}
