package dev.herald.workflows.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.Recipient;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChannelsTest {

  @ParameterizedTest
  @EnumSource(Channel.class)
  void everyChannelHasADescriptorWhoseSendsRunOnItsOwnQueue(Channel channel) {
    ChannelDescriptor descriptor = Channels.of(channel);

    assertThat(descriptor.channel()).isEqualTo(channel);
    assertThat(descriptor.sendOptions().getTaskQueue()).isEqualTo(descriptor.taskQueue());
    assertThat(descriptor.sendOptions().getStartToCloseTimeout()).isPositive();
  }

  @Test
  void everyChannelHasAQueueOfItsOwnBesideTheOrchestrationQueue() {
    assertThat(Channels.all()).extracting(ChannelDescriptor::taskQueue)
        .doesNotHaveDuplicates()
        .doesNotContain(TaskQueues.NOTIFICATIONS)
        .hasSize(Channel.values().length);
  }

  @ParameterizedTest
  @EnumSource(value = Channel.class, names = {"EMAIL", "SMS", "VOICE", "PUSH", "SLACK"})
  void providerSendsNeverRetryAPermanentError(Channel channel) {
    var retry = Channels.of(channel).sendOptions().getRetryOptions();

    assertThat(retry.getDoNotRetry()).containsExactlyInAnyOrder(Arrays.stream(DeliveryErrorType.values())
        .filter(type -> !type.retryable()).map(Enum::name).toArray(String[]::new));
    assertThat(retry.getMaximumAttempts()).isPositive();
  }

  @Test
  void aCallIsTriedAtMostThreeTimesBecauseEachRingsAPerson() {
    assertThat(Channels.of(Channel.VOICE).sendOptions().getRetryOptions().getMaximumAttempts()).isEqualTo(3);
    assertThat(Channels.of(Channel.VOICE).repeatHarm()).isEqualTo(RepeatHarm.REACHES_A_PERSON);
  }

  @Test
  void addressesFollowTheDescriptorsKind() {
    Recipient ada = new Recipient("ada-1", "Ada@Example.com", "+14155550100", "token-1", "en", "U0123ABCD");
    Recipient tokenOnly = new Recipient(null, null, null, "token-2", null, null);

    assertThat(Channels.of(Channel.EMAIL).address().of(ada)).isEqualTo("Ada@Example.com");
    assertThat(Channels.of(Channel.SMS).address().of(ada)).isEqualTo("+14155550100");
    assertThat(Channels.of(Channel.VOICE).address().of(ada)).isEqualTo("+14155550100");
    assertThat(Channels.of(Channel.PUSH).address().of(ada)).isEqualTo("ada-1");
    assertThat(Channels.of(Channel.PUSH).address().of(tokenOnly)).isEqualTo("token-2");
    assertThat(Channels.of(Channel.IN_APP).address().of(ada)).isEqualTo("ada-1");
    assertThat(Channels.of(Channel.IN_APP).address().of(tokenOnly)).isNull();
    assertThat(Channels.of(Channel.SLACK).address().of(ada)).isEqualTo("U0123ABCD");
    assertThat(Channels.of(Channel.SLACK).address().of(tokenOnly)).isNull();
  }

  @Test
  void slackSendsToTheSlackIdAndIsRetriedLikeAProviderThatReachesAPerson() {
    ChannelDescriptor slack = Channels.of(Channel.SLACK);
    Recipient emptySlack = new Recipient("ada-1", null, null, null, null, "");

    assertThat(slack.address()).isEqualTo(AddressKind.SLACK);
    assertThat(slack.address().field()).isEqualTo("slack");
    assertThat(slack.address().of(emptySlack)).as("an empty id is no address").isNull();
    assertThat(slack.taskQueue()).isEqualTo("slack");
    assertThat(slack.receipts()).isFalse();
    assertThat(slack.repeatHarm()).as("chat.postMessage has no idempotency key").isEqualTo(RepeatHarm.REACHES_A_PERSON);
    var retry = slack.sendOptions().getRetryOptions();
    assertThat(retry.getInitialInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(retry.getBackoffCoefficient()).isEqualTo(2.0);
    assertThat(retry.getMaximumInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(retry.getMaximumAttempts()).isEqualTo(40);
    assertThat(slack.sendOptions().getStartToCloseTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(slack.sendOptions().getScheduleToCloseTimeout()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void onlyEmailAddressesCompareWithoutCase() {
    assertThat(AddressKind.EMAIL.dedupeKey("Ada@Example.com")).isEqualTo(AddressKind.EMAIL.dedupeKey("ada@example.com"));
    assertThat(AddressKind.RECIPIENT_ID.dedupeKey("User-A")).isNotEqualTo(AddressKind.RECIPIENT_ID.dedupeKey("user-a"));
    assertThat(AddressKind.SLACK.dedupeKey("U0123ABCD")).isEqualTo("U0123ABCD")
        .isNotEqualTo(AddressKind.SLACK.dedupeKey("u0123abcd"));
  }
}
