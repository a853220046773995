package dev.herald.api.notification;

import dev.herald.workflows.messages.Channel;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.notifications}: what one request may ask for, and how notifications are sent.
 *
 * @param channels the channels that have workers behind them; a request for another is refused
 * @param defaultPhoneRegion region of phone numbers written without a country code (e.g. US, KR)
 * @param receiptWindow how long a notification waits for SMS and call receipts after sending
 */
@Validated
@ConfigurationProperties("herald.notifications")
public record NotificationSettings(
    @NotEmpty Set<Channel> channels,
    @Min(1) int maxRecipients,
    @Min(1) int maxSubjectChars,
    @Min(1) int maxBodyChars,
    @NotNull Duration maxSchedule,
    String defaultPhoneRegion,
    @NotNull Duration receiptWindow) {}
