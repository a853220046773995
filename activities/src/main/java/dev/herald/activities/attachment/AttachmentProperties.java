package dev.herald.activities.attachment;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.attachments}: uploads for notifications.
 *
 * @param maxSize the largest file taken (a larger upload is a 413 and leaves nothing behind)
 * @param allowedTypes the content types taken, as sniffed from the file's first bytes
 * @param unreferencedTtl how long an upload no notification references is kept
 * @param sweepInterval how often expired uploads are looked for (by one process at a time per row)
 * @param sweepBatch the most expired uploads one sweep deletes
 * @param maxPerNotification the most attachments one notification may reference
 * @param maxPerNotificationBytes the most bytes a notification's attachments may add up to (an email carries them all)
 * @param linkTtl how long a download link works ({@link AttachmentLinks}) unless its maker says otherwise; a message's
 *     links are made with it, and the files they name are kept at least that long
 * @param maxImageSize the largest image a notification may show (push, in-app): FCM's Android limit is 1MB
 */
@Validated
@ConfigurationProperties("herald.attachments")
public record AttachmentProperties(@DefaultValue("25MB") @NotNull DataSize maxSize,
    @DefaultValue({"image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "video/mp4", "text/plain",
        "text/csv"}) @NotEmpty List<String> allowedTypes,
    @DefaultValue("24h") @NotNull Duration unreferencedTtl, @DefaultValue("1m") @NotNull Duration sweepInterval,
    @DefaultValue("100") @Positive int sweepBatch, @DefaultValue("10") @Positive int maxPerNotification,
    @DefaultValue("25MB") @NotNull DataSize maxPerNotificationBytes, @DefaultValue("7d") @NotNull Duration linkTtl,
    @DefaultValue("1MB") @NotNull DataSize maxImageSize) {}
