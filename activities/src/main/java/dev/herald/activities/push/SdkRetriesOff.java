package dev.herald.activities.push;

import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.json.JsonFactory;
import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.firebase.FirebaseApp;
import com.google.firebase.ImplFirebaseTrampolines;
import com.google.firebase.internal.ApiClientUtils;
import com.google.firebase.messaging.FirebaseMessaging;
import java.lang.reflect.Method;

/**
 * The SDK's {@link FirebaseMessaging} with the SDK's own HTTP retries off, so that one push
 * attempt is exactly one FCM call per token and Temporal alone decides about retries.
 *
 * <p>{@code FirebaseMessaging.getInstance(app)} retries a 503 itself, up to 4 times, sleeping the
 * Retry-After (up to 60 s) in between. Inside a push activity (30 s start-to-close) that means an
 * attempt can outlive its timeout and keep calling FCM while Temporal already runs the next
 * attempt (a duplicate push once FCM recovers), and the wait is invisible in the workflow history.
 * FirebaseOptions has no switch for it, so the client is assembled here from the SDK's own parts,
 * exactly as {@code FirebaseMessaging.fromApp} does, but with a request factory built without a
 * RetryConfig. The builders are package-private: reached by reflection, checked by the tests that
 * count simulator calls; an SDK upgrade that changes them fails loudly here.
 */
final class SdkRetriesOff {

  private SdkRetriesOff() {}

  static FirebaseMessaging messaging(FirebaseApp app) {
    try {
      HttpRequestFactory withoutRetries = ApiClientUtils.newAuthorizedRequestFactory(app, null);
      Object clientBuilder = invokeStatic(Class.forName("com.google.firebase.messaging.FirebaseMessagingClientImpl"));
      invoke(clientBuilder, "setProjectId", String.class, ImplFirebaseTrampolines.getProjectId(app));
      invoke(clientBuilder, "setRequestFactory", HttpRequestFactory.class, withoutRetries);
      invoke(clientBuilder, "setChildRequestFactory", HttpRequestFactory.class,
          ApiClientUtils.newUnauthorizedRequestFactory(app));
      invoke(clientBuilder, "setJsonFactory", JsonFactory.class, app.getOptions().getJsonFactory());
      Object client = invoke(clientBuilder, "build", null, null);

      Object messagingBuilder = invokeStatic(FirebaseMessaging.class);
      invoke(messagingBuilder, "setFirebaseApp", FirebaseApp.class, app);
      invoke(messagingBuilder, "setMessagingClient", Supplier.class, Suppliers.ofInstance(client));
      Supplier<Object> noTopics = () -> {
        throw new IllegalStateException("Herald does not manage FCM topics");
      };
      invoke(messagingBuilder, "setInstanceIdClient", Supplier.class, noTopics);
      return (FirebaseMessaging) invoke(messagingBuilder, "build", null, null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot assemble firebase-admin's FCM client without retries; "
          + "did the SDK's internals change? (see SdkRetriesOff)", e);
    }
  }

  private static Object invokeStatic(Class<?> type) throws ReflectiveOperationException {
    Method builder = type.getDeclaredMethod("builder");
    builder.setAccessible(true);
    return builder.invoke(null);
  }

  private static Object invoke(Object target, String name, Class<?> parameterType, Object argument)
      throws ReflectiveOperationException {
    Method method = parameterType == null
        ? target.getClass().getDeclaredMethod(name)
        : target.getClass().getDeclaredMethod(name, parameterType);
    method.setAccessible(true);
    return parameterType == null ? method.invoke(target) : method.invoke(target, argument);
  }
}
