package dev.herald.activities.push;

import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.ApnsFcmOptions;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.Notification;
import com.google.firebase.messaging.SendResponse;
import com.google.firebase.messaging.WebpushConfig;
import com.google.firebase.messaging.WebpushNotification;
import dev.herald.workflows.messages.DeliveryErrorType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Pushes through the Firebase Admin SDK (FCM HTTP v1), one {@code messages:send} per token. The
 * client is built on first use when FCM is the in-process simulator, whose port is known only
 * once the web server listens.
 */
public class FcmPushSender implements PushSender, AutoCloseable {

  /** The project of the dev simulator when none is configured. */
  static final String DEV_PROJECT = "herald-dev";

  private final FcmProperties properties;
  private final Supplier<Optional<String>> inProcessBaseUrl;
  private volatile FcmClient client;

  /**
   * @param inProcessBaseUrl the in-process simulator's base URL, used only when neither
   *     credentials nor a base URL are configured
   */
  public FcmPushSender(FcmProperties properties, Supplier<Optional<String>> inProcessBaseUrl) throws IOException {
    this.properties = properties;
    this.inProcessBaseUrl = inProcessBaseUrl;
    if (properties.hasCredentials()) {
      this.client = FcmClient.withServiceAccount(Path.of(properties.credentialsFile()), configuredProjectId(),
          properties.hasBaseUrl() ? properties.baseUrl() : null, properties.timeout());
    } else if (properties.hasBaseUrl()) {
      this.client = FcmClient.withoutGoogle(projectId(), properties.baseUrl(), properties.timeout());
    }
  }

  /**
   * The SDK's {@code sendEach}: one {@code messages:send} per token, concurrently on the app's
   * threads, so a slow FCM costs one timeout, not one per device.
   */
  @Override
  public List<PushResult> send(List<String> tokens, PushMessage message) {
    Map<String, PushResult> results = new LinkedHashMap<>();
    List<String> sendable = new ArrayList<>();
    List<Message> messages = new ArrayList<>();
    for (String token : tokens) {
      try {
        messages.add(toFcm(token, message));
        sendable.add(token);
      } catch (IllegalArgumentException e) {
        results.put(token, PushResult.failed(token, new PushSendException(DeliveryErrorType.MESSAGE_REJECTED,
            "fcm-invalid-message", false, null, "not a valid FCM message: " + e.getMessage(), e)));
      }
    }
    if (!messages.isEmpty()) {
      try {
        List<SendResponse> responses = client().messaging().sendEach(messages).getResponses();
        for (int i = 0; i < sendable.size(); i++) {
          SendResponse response = responses.get(i);
          results.put(sendable.get(i), response.isSuccessful()
              ? PushResult.accepted(sendable.get(i), response.getMessageId())
              : PushResult.failed(sendable.get(i), FcmErrors.classify(response.getException())));
        }
      } catch (PushSendException e) {
        sendable.forEach(token -> results.put(token, PushResult.failed(token, e)));
      } catch (FirebaseMessagingException e) {
        PushSendException failure = FcmErrors.classify(e);
        sendable.forEach(token -> results.put(token, PushResult.failed(token, failure)));
      }
    }
    return tokens.stream().map(results::get).toList();
  }

  /**
   * An alert (a notification shown to the user) at the notification's priority on each platform, with its image where
   * it has one: the notification's image (Android), APNs' {@code fcm_options.image} with {@code mutable-content} (an
   * iOS app's notification service extension shows it) and the web push notification's image.
   */
  static Message toFcm(String token, PushMessage message) {
    PushPriority priority = PushPriority.of(message.priority());
    String image = message.imageUrl();
    ApnsConfig.Builder apns = ApnsConfig.builder().putHeader("apns-priority", priority.apns)
        .putHeader("apns-push-type", "alert").setAps(Aps.builder().setSound("default").setMutableContent(image != null)
            .build());
    WebpushConfig.Builder webpush = WebpushConfig.builder().putHeader("Urgency", priority.webUrgency);
    if (image != null) {
      apns.setFcmOptions(ApnsFcmOptions.builder().setImage(image).build());
      webpush.setNotification(WebpushNotification.builder().setTitle(message.title()).setBody(message.body())
          .setImage(image).build());
    }
    Message.Builder fcm = Message.builder()
        .setToken(token)
        .setNotification(Notification.builder().setTitle(message.title()).setBody(message.body()).setImage(image).build())
        .setAndroidConfig(AndroidConfig.builder().setPriority(priority.android).build())
        .setApnsConfig(apns.build())
        .setWebpushConfig(webpush.build());
    if (message.data() != null) {
      fcm.putAllData(message.data());
    }
    return fcm.putData("notificationId", message.notificationId()).putData("deliveryId", message.deliveryId()).build();
  }

  private FcmClient client() throws PushSendException {
    FcmClient current = client;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (client == null) {
        String baseUrl = inProcessBaseUrl.get().orElseThrow(() -> new PushSendException(
            DeliveryErrorType.PROVIDER_UNAVAILABLE, "fcm-not-configured", false, null,
            "FCM is not configured: set herald.fcm.credentials-file (real FCM) or herald.fcm.base-url", null));
        client = FcmClient.withoutGoogle(projectId(), baseUrl, properties.timeout());
      }
      return client;
    }
  }

  /** For a lookalike FCM: the configured project or herald-dev. */
  private String projectId() {
    String configured = configuredProjectId();
    return configured == null ? DEV_PROJECT : configured;
  }

  /** Null when not configured: real FCM then uses the service account's project. */
  private String configuredProjectId() {
    return properties.projectId() == null || properties.projectId().isBlank() ? null : properties.projectId().strip();
  }

  @Override
  public void close() {
    FcmClient current = client;
    if (current != null) {
      current.close();
    }
  }
}
