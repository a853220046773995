package dev.herald.activities.twilio;

import com.twilio.http.TwilioRestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Twilio REST client shared by SMS and voice. The account is the configured one ({@code
 * herald.twilio.account-sid}) or, in the dev kit without one, the local simulator
 * (which provides its own {@link TwilioAccount}). Neither: no SMS or voice beans, so this process
 * polls neither queue.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TwilioProperties.class)
public class TwilioConfig {

  /** A real (or externally simulated) Twilio account is configured. */
  public static final String CONFIGURED = "!'${herald.twilio.account-sid:}'.isBlank()";
  /** Twilio is reachable: configured, or simulated in dev mode. */
  public static final String AVAILABLE = "(" + CONFIGURED + ") or ${herald.dev.enabled:false}";

  private static final Logger log = LoggerFactory.getLogger(TwilioConfig.class);

  @Bean
  @ConditionalOnExpression(CONFIGURED)
  TwilioAccount configuredTwilioAccount(TwilioProperties properties) {
    ConfiguredTwilioAccount account = ConfiguredTwilioAccount.of(properties);
    if (account.callbackBaseUrl().isEmpty()) {
      log.warn("herald.twilio.status-callback-base-url is not set: SMS and calls are sent without delivery receipts");
    }
    return account;
  }

  @Bean
  @ConditionalOnExpression(AVAILABLE)
  TwilioHttpClient twilioHttpClient(TwilioAccount account, TwilioProperties properties) {
    return new TwilioHttpClient(account::apiBaseUrl, properties.timeout());
  }

  @Bean
  @ConditionalOnExpression(AVAILABLE)
  TwilioRestClient twilioRestClient(TwilioAccount account, TwilioHttpClient httpClient) {
    return new TwilioRestClient.Builder(account.accountSid(), account.authToken()).httpClient(httpClient).build();
  }

  @Bean
  @ConditionalOnExpression(AVAILABLE)
  StatusCallbacks twilioStatusCallbacks(TwilioAccount account) {
    return new StatusCallbacks(account);
  }
}
