package dev.herald.activities.preference;

import java.time.LocalTime;

/**
 * Quiet hours as a recipient set them: the local start and end, and a time zone (an IANA id) or null
 * for the stored recipient's own.
 */
public record QuietHoursSetting(LocalTime start, LocalTime end, String timeZone) {}
