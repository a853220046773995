package dev.herald.activities.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class TwilioHttpClientTest {

  @Test
  void rebaseKeepsPathParametersAndAuthButChangesSchemeHostAndPrefix() {
    Request request = new Request(HttpMethod.POST, "api", "/2010-04-01/Accounts/AC1/Messages.json");
    request.setAuth("AC1", "token");
    request.addPostParam("To", "+14155550100");
    request.addQueryParam("PageSize", "5");

    Request rebased = TwilioHttpClient.rebase(request, URI.create("http://localhost:8080/simulators/twilio/"));

    assertThat(rebased.constructURL().toString())
        .isEqualTo("http://localhost:8080/simulators/twilio/2010-04-01/Accounts/AC1/Messages.json?PageSize=5");
    assertThat(rebased.getPostParams()).isEqualTo(request.getPostParams());
    assertThat(rebased.getAuthString()).isEqualTo(request.getAuthString());
    assertThat(rebased.getMethod()).isEqualTo(HttpMethod.POST);
  }

  @Test
  void retryAfterIsSecondsOrAnHttpDateAndIsCapped() {
    assertThat(TwilioHttpClient.parseRetryAfter("3")).contains(Duration.ofSeconds(3));
    assertThat(TwilioHttpClient.parseRetryAfter("86400")).contains(Duration.ofMinutes(10));
    assertThat(TwilioHttpClient.parseRetryAfter("-5")).contains(Duration.ZERO);
    assertThat(TwilioHttpClient.parseRetryAfter("soon")).isEmpty();
    String inAMinute = ZonedDateTime.now().plusSeconds(60).format(DateTimeFormatter.RFC_1123_DATE_TIME);
    assertThat(TwilioHttpClient.parseRetryAfter(inAMinute).orElseThrow()).isBetween(Duration.ofSeconds(50),
        Duration.ofSeconds(60));
  }
}
