package dev.herald.devkit.simulator.twilio;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.twilio.simulator}: the fake account the local Twilio simulator accepts (dev mode,
 * no real account configured), and how soon it calls back with a status after accepting a message
 * or call (each later status follows after the same delay again).
 */
@Validated
@ConfigurationProperties("herald.twilio.simulator")
public record TwilioSimulatorProperties(
    @NotBlank @Pattern(regexp = "AC[0-9a-f]{32}") String accountSid,
    @NotBlank String authToken,
    @NotNull Duration callbackDelay) {}
