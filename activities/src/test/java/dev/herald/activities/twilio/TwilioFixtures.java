package dev.herald.activities.twilio;

import com.twilio.http.TwilioRestClient;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.Map;

/** Twilio clients and settings pointed at a {@link TwilioStub}, for activity tests. */
public final class TwilioFixtures {

  public static final String DEFAULT_FROM = "+15005550006";
  public static final String BILLING_FROM = "+15005550007";
  /** One attempt: a test sees the first failure, never a retry. */
  public static final ActivityOptions ONE_ATTEMPT = ActivityOptions.newBuilder()
      .setStartToCloseTimeout(Duration.ofSeconds(10))
      .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
      .build();

  private TwilioFixtures() {}

  public static TwilioProperties properties(Map<String, TwilioProperties.Voice> voices) {
    return new TwilioProperties(TwilioStub.ACCOUNT_SID, TwilioStub.AUTH_TOKEN, null, null, DEFAULT_FROM,
        Map.of("billing", BILLING_FROM), voices, 2, Duration.ofMillis(500));
  }

  public static TwilioHttpClient httpClient(TwilioAccount account, TwilioProperties properties) {
    return new TwilioHttpClient(account::apiBaseUrl, properties.timeout());
  }

  public static TwilioRestClient restClient(TwilioAccount account, TwilioHttpClient http) {
    return new TwilioRestClient.Builder(account.accountSid(), account.authToken()).httpClient(http).build();
  }
}
