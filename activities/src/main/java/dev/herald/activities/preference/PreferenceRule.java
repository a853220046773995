package dev.herald.activities.preference;

import java.time.Instant;

/**
 * One of a recipient's choices: opted out of (or back into) a scope. {@code source} says who set it
 * (api, recipient, console, one-click, sms-stop ...).
 */
public record PreferenceRule(Scope scope, boolean optedOut, String source, Instant updatedAt) {}
