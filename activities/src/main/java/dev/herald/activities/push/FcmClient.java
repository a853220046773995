package dev.herald.activities.push;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.messaging.FirebaseMessaging;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Firebase Admin SDK set up for one FCM: a named {@link FirebaseApp} per project and base URL
 * (never the default app, so several Spring contexts in one JVM do not clash), the SDK's
 * {@link FirebaseMessaging} on it.
 */
final class FcmClient implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FcmClient.class);
  private static final Instant FAR_FUTURE = Instant.parse("2999-01-01T00:00:00Z");

  private final FirebaseApp app;
  private final boolean owned;
  private final FirebaseMessaging messaging;

  private FcmClient(FirebaseApp app, boolean owned) {
    this.app = app;
    this.owned = owned;
    this.messaging = SdkRetriesOff.messaging(app);
  }

  /** Real FCM with a service account; {@code baseUrl} null means Google's own host. */
  static FcmClient withServiceAccount(Path credentialsFile, String projectId, String baseUrl, Duration timeout)
      throws IOException {
    try (InputStream in = Files.newInputStream(credentialsFile)) {
      return open(GoogleCredentials.fromStream(in), projectId, baseUrl, timeout);
    }
  }

  /** An FCM lookalike at {@code baseUrl}: a dummy access token that never expires, so no OAuth call. */
  static FcmClient withoutGoogle(String projectId, String baseUrl, Duration timeout) {
    var token = new AccessToken("herald-dev", Date.from(FAR_FUTURE));
    return open(GoogleCredentials.create(token), projectId, baseUrl, timeout);
  }

  private static FcmClient open(GoogleCredentials credentials, String projectId, String baseUrl, Duration timeout) {
    HttpTransport transport = baseUrl == null
        ? new NetHttpTransport()
        : new NetHttpTransport.Builder().setConnectionFactory(new BaseUrlConnectionFactory(baseUrl)).build();
    FirebaseOptions.Builder options = FirebaseOptions.builder()
        .setCredentials(credentials)
        .setHttpTransport(transport)
        .setConnectTimeout(Math.toIntExact(timeout.toMillis()))
        .setReadTimeout(Math.toIntExact(timeout.toMillis()));
    if (projectId != null) {
      options.setProjectId(projectId);
    }
    String name = "herald-fcm:" + (projectId == null ? "(from credentials)" : projectId) + "@"
        + (baseUrl == null ? "fcm.googleapis.com" : baseUrl);
    synchronized (FcmClient.class) {
      for (FirebaseApp existing : FirebaseApp.getApps()) {
        if (existing.getName().equals(name)) {
          return new FcmClient(existing, false);
        }
      }
      log.info("FCM: project {} at {}", projectId, baseUrl == null ? "https://fcm.googleapis.com" : baseUrl);
      return new FcmClient(FirebaseApp.initializeApp(options.build(), name), true);
    }
  }

  FirebaseMessaging messaging() {
    return messaging;
  }

  @Override
  public void close() {
    if (owned) {
      app.delete();
    }
  }
}
