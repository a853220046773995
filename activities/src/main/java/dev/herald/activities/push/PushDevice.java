package dev.herald.activities.push;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One device of a sender's (its owner's) recipient: its FCM registration token. A token FCM reported as unregistered or
 * invalid is inactive, with the reason (the provider's code), and is never used again.
 */
@Table("push_device")
public record PushDevice(
    @Id Long id,
    String owner,
    String recipientId,
    String token,
    DevicePlatform platform,
    boolean active,
    String deactivatedReason,
    Instant deactivatedAt,
    Instant createdAt,
    Instant updatedAt) {}
