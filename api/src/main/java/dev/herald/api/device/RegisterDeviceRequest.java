package dev.herald.api.device;

import dev.herald.activities.push.DevicePlatform;
import dev.herald.activities.push.PushDevices;
import dev.herald.api.web.TextRule;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /api/v1/recipients/{recipientId}/devices}: an FCM registration token. */
public record RegisterDeviceRequest(
    @NotBlank(message = "is required: the device's FCM registration token")
    @TextRule(value = TextRule.Kind.TOKEN, max = PushDevices.MAX_TOKEN_CHARS) String token,
    @NotNull(message = "is required: one of WEB, ANDROID, IOS") DevicePlatform platform) {}
