package dev.herald.api.notification;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code herald.notifications}: limits on what one request may ask for. */
@Validated
@ConfigurationProperties("herald.notifications")
public record NotificationLimits(
    @Min(1) int maxRecipients, @Min(1) int maxSubjectChars, @Min(1) int maxBodyChars, Duration maxSchedule) {}
