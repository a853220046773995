package dev.herald.api.device;

import dev.herald.activities.push.DevicePlatform;

/** The body of {@code POST /api/v1/recipients/{recipientId}/devices}: an FCM registration token. */
public record RegisterDeviceRequest(String token, DevicePlatform platform) {}
