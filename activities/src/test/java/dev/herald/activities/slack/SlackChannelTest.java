package dev.herald.activities.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.herald.activities.channel.OutgoingMessage;
import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.activities.channel.RenderedMessage;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.Recipient;
import io.temporal.failure.ApplicationFailure;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Slack channel, with the real Slack SDK talking HTTP to a stub of the Web API. */
class SlackChannelTest {

  private static final String USER = "U0123ABCD";
  private static final String CONVERSATION = "C024BE91L";

  private SlackStub slack;
  private SlackApiSender sender;

  @BeforeEach
  void start() throws Exception {
    slack = new SlackStub();
  }

  @AfterEach
  void stop() throws Exception {
    if (sender != null) {
      sender.close();
    }
    slack.close();
  }

  @Test
  void aMessageIsPostedWithTheBotTokenAndRecordedAsConversationAndTs() {
    ProviderReceipt receipt = channel(Duration.ofSeconds(5)).send(message(CONVERSATION, null, "Your order shipped 🚚"), 1);

    assertThat(receipt).isEqualTo(new ProviderReceipt(CONVERSATION + ":" + SlackStub.TS, 1));
    assertThat(slack.received()).as("one call, no auth.test first").singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/slack/api/chat.postMessage");
      assertThat(request.authorization()).isEqualTo("Bearer " + SlackStub.TOKEN);
      assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
      assertThat(request.form()).containsEntry("channel", CONVERSATION).containsEntry("text", "Your order shipped 🚚");
    });
  }

  @Test
  void aDirectMessageToAUserIsRecordedWithTheDirectMessageConversationSlackAnswers() {
    ProviderReceipt receipt = channel(Duration.ofSeconds(5)).send(message(USER, null, "Hi"), 2);

    assertThat(receipt).isEqualTo(new ProviderReceipt("D0123ABCD:" + SlackStub.TS, 2));
    assertThat(slack.received().get(0).form()).containsEntry("channel", USER);
  }

  @Test
  void theSubjectIsBoldOnTheFirstLine() {
    channel(Duration.ofSeconds(5)).send(message(CONVERSATION, "Order 42 shipped", "It arrives tomorrow."), 1);

    assertThat(slack.received().get(0).form()).containsEntry("text", "*Order 42 shipped*\nIt arrives tomorrow.");
    assertThat(SlackChannel.text(new RenderedMessage(null, " Only a subject ", null, null))).isEqualTo("*Only a subject*");
    assertThat(SlackChannel.text(new RenderedMessage(null, "", "Only a body", null))).isEqualTo("Only a body");
  }

  @ParameterizedTest(name = "{0} is {1}, retried: {2}")
  @CsvSource({
    "channel_not_found,     INVALID_ADDRESS,      false",
    "not_in_channel,        INVALID_ADDRESS,      false",
    "is_archived,           INVALID_ADDRESS,      false",
    "user_not_found,        INVALID_ADDRESS,      false",
    "cannot_dm_bot,         INVALID_ADDRESS,      false",
    "msg_too_long,          MESSAGE_REJECTED,     false",
    "no_text,               MESSAGE_REJECTED,     false",
    "too_many_attachments,  MESSAGE_REJECTED,     false",
    "message_limit_exceeded, MESSAGE_REJECTED,    false",
    "restricted_action,     MESSAGE_REJECTED,     false",
    "rate_limited,          RATE_LIMITED,         true",
    "invalid_auth,          PROVIDER_UNAVAILABLE, true",
    "not_authed,            PROVIDER_UNAVAILABLE, true",
    "account_inactive,      PROVIDER_UNAVAILABLE, true",
    "token_revoked,         PROVIDER_UNAVAILABLE, true",
    "token_expired,         PROVIDER_UNAVAILABLE, true",
    "missing_scope,         PROVIDER_UNAVAILABLE, true",
    "fatal_error,           PROVIDER_UNAVAILABLE, true",
    "internal_error,        PROVIDER_UNAVAILABLE, true",
    "service_unavailable,   PROVIDER_UNAVAILABLE, true",
    "request_timeout,       PROVIDER_UNAVAILABLE, true"
  })
  void slacksErrorAnswersAreClassifiedKeepingSlacksName(String error, DeliveryErrorType type, boolean retried) {
    slack.answerError(error);

    ApplicationFailure failure = failureOf(channel(Duration.ofSeconds(5)), message(CONVERSATION, null, "Hi"));

    assertThat(failure.getType()).isEqualTo(type.name());
    assertThat(failure.isNonRetryable()).isEqualTo(!retried);
    DeliveryError delivery = failure.getDetails().get(DeliveryError.class);
    assertThat(delivery.type()).isEqualTo(type);
    assertThat(delivery.providerCode()).isEqualTo("slack-" + error);
    assertThat(delivery.attempt()).isEqualTo(3);
    assertThat(slack.received()).hasSize(1);
  }

  @Test
  void aMissingScopeSaysWhichScopeTheTokenNeeds() {
    slack.answer(200, "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"chat:write\",\"provided\":\"users:read\"}",
        Map.of());

    ApplicationFailure failure = failureOf(channel(Duration.ofSeconds(5)), message(CONVERSATION, null, "Hi"));

    assertThat(failure.getDetails().get(DeliveryError.class).message())
        .contains("missing_scope").contains("needed chat:write").contains("provided users:read");
  }

  @Test
  void tooManyRequestsIsRetriedAfterSlacksRetryAfter() {
    slack.answer(429, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of("Retry-After", "7"));

    ApplicationFailure failure = failureOf(channel(Duration.ofSeconds(5)), message(CONVERSATION, null, "Hi"));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo("RATE_LIMITED");
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
    assertThat(failure.getDetails().get(DeliveryError.class).providerCode()).isEqualTo("slack-ratelimited");
    assertThat(slack.received()).as("the SDK does not wait and retry by itself").hasSize(1);
  }

  @Test
  void aRetryAfterIsReadInSecondsOrAsADateAndCapped() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    assertThat(SlackErrors.retryAfter(Map.of("retry-after", List.of("30")), now)).isEqualTo(Duration.ofSeconds(30));
    assertThat(SlackErrors.retryAfter(Map.of("Retry-After", List.of("Thu, 01 Jan 2026 00:00:05 GMT")), now))
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(SlackErrors.retryAfter(Map.of("retry-after", List.of("86400")), now)).isEqualTo(Duration.ofMinutes(10));
    assertThat(SlackErrors.retryAfter(Map.of("retry-after", List.of("soon")), now)).isNull();
    assertThat(SlackErrors.retryAfter(Map.of(), now)).isNull();
  }

  @Test
  void aServerErrorIsRetriedByTemporalAloneWithOneCallPerAttempt() {
    slack.answer(503, "<html>Service Unavailable</html>", Map.of());

    ApplicationFailure failure = failureOf(channel(Duration.ofSeconds(5)), message(CONVERSATION, null, "Hi"));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo("PROVIDER_UNAVAILABLE");
    assertThat(failure.getDetails().get(DeliveryError.class).providerCode()).isEqualTo("slack-http-503");
    assertThat(slack.received()).hasSize(1);
  }

  @Test
  void anAnswerThatIsNotSlacksJsonIsRetryable() {
    slack.answer(200, "<html>proxy login</html>", Map.of());

    ApplicationFailure failure = failureOf(channel(Duration.ofSeconds(5)), message(CONVERSATION, null, "Hi"));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo("PROVIDER_UNAVAILABLE");
    assertThat(failure.getDetails().get(DeliveryError.class).providerCode()).isEqualTo("slack-unreadable-answer");
  }

  @Test
  void aTimeoutIsRetryableAndTheCallIsNotRepeated() {
    slack.hang();

    ApplicationFailure failure = failureOf(channel(Duration.ofMillis(500)), message(CONVERSATION, null, "Hi"));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo("PROVIDER_UNAVAILABLE");
    assertThat(failure.getDetails().get(DeliveryError.class).providerCode()).isNull();
    assertThat(slack.received()).hasSize(1);
  }

  @Test
  void aRefusedConnectionIsRetryable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    sender = new SlackApiSender(ConfiguredSlackWorkspace.of(
        new SlackProperties(SlackStub.TOKEN, "http://127.0.0.1:" + closedPort, Duration.ofSeconds(2))),
        Duration.ofSeconds(2));

    ApplicationFailure failure = failureOf(new SlackChannel(sender), message(CONVERSATION, null, "Hi"));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo("PROVIDER_UNAVAILABLE");
  }

  @Test
  void aSimulatorNotListeningYetIsATransientFailure() {
    SlackWorkspace notYet = new SlackWorkspace() {
      @Override
      public String token() {
        return SlackStub.TOKEN;
      }

      @Override
      public Optional<String> methodsUrlPrefix() {
        return Optional.empty();
      }
    };
    sender = new SlackApiSender(notYet, Duration.ofSeconds(1));

    ApplicationFailure failure = failureOf(new SlackChannel(sender), message(CONVERSATION, null, "Hi"));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo("PROVIDER_UNAVAILABLE");
  }

  @Test
  void theConfiguredWorkspaceIsSlackItselfUnlessABaseUrlIsGiven() {
    var real = ConfiguredSlackWorkspace.of(new SlackProperties(" xoxb-1 ", "", Duration.ofSeconds(10)));
    var other = ConfiguredSlackWorkspace.of(new SlackProperties("xoxb-1", "http://herald:8080/simulators/slack/",
        Duration.ofSeconds(10)));

    assertThat(real.token()).isEqualTo("xoxb-1");
    assertThat(real.methodsUrlPrefix()).contains("https://slack.com/api/");
    assertThat(other.methodsUrlPrefix()).contains("http://herald:8080/simulators/slack/api/");
    assertThat(real.toString()).doesNotContain("xoxb-1");
  }

  private SlackChannel channel(Duration timeout) {
    sender = new SlackApiSender(ConfiguredSlackWorkspace.of(
        new SlackProperties(SlackStub.TOKEN, slack.baseUrl(), timeout)), timeout);
    return new SlackChannel(sender);
  }

  private static OutgoingMessage message(String address, String subject, String body) {
    return new OutgoingMessage("notification-n1/slack/0", "notification-n1", "billing", Channel.SLACK, address,
        new Recipient("ada", null, null, null, "en", address), new RenderedMessage(null, subject, body, null), null, null, null);
  }

  private static ApplicationFailure failureOf(SlackChannel channel, OutgoingMessage message) {
    return catchThrowableOfType(ApplicationFailure.class, () -> channel.send(message, 3));
  }
}
