package dev.herald.activities.push;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.fcm}: where Firebase Cloud Messaging is.
 *
 * <ul>
 *   <li>{@code credentials-file} set: real FCM with that service account JSON ({@code project-id}
 *       defaults to the account's project);
 *   <li>else {@code base-url} set: an FCM lookalike there (e.g. the dev kit's simulator seen from a
 *       separate worker), with a dummy access token;
 *   <li>else (the dev kit): the in-process simulator, through its {@link FcmEndpoint}.
 * </ul>
 *
 * @param baseUrl replaces {@code https://fcm.googleapis.com} in the SDK's requests, e.g.
 *     {@code http://localhost:8080/simulators/fcm}
 * @param timeout connect and read timeout of one FCM call (below the push activity's 30 s)
 */
@Validated
@ConfigurationProperties("herald.fcm")
public record FcmProperties(
    String projectId,
    String credentialsFile,
    @Pattern(regexp = "(https?://\\S+)?", message = "must be an http(s) URL") String baseUrl,
    @NotNull @DefaultValue("10s") Duration timeout) {

  /** Condition: a real (or external) FCM is configured, so no in-process simulator is needed. */
  public static final String CONFIGURED = "(!'${herald.fcm.credentials-file:}'.isBlank() or !'${herald.fcm.base-url:}'.isBlank())";

  /** Push can be sent: to a configured FCM, or in dev mode to the in-process simulator. */
  public static final String AVAILABLE = CONFIGURED + " or ${herald.dev.enabled:false}";

  boolean hasCredentials() {
    return credentialsFile != null && !credentialsFile.isBlank();
  }

  boolean hasBaseUrl() {
    return baseUrl != null && !baseUrl.isBlank();
  }
}
