package dev.herald.workflows.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.Recipient;
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
  @EnumSource(value = Channel.class, names = {"EMAIL", "SMS", "VOICE", "PUSH"})
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
    Recipient ada = new Recipient("ada-1", "Ada@Example.com", "+14155550100", "token-1", "en");
    Recipient tokenOnly = new Recipient(null, null, null, "token-2", null);

    assertThat(Channels.of(Channel.EMAIL).address().of(ada)).isEqualTo("Ada@Example.com");
    assertThat(Channels.of(Channel.SMS).address().of(ada)).isEqualTo("+14155550100");
    assertThat(Channels.of(Channel.VOICE).address().of(ada)).isEqualTo("+14155550100");
    assertThat(Channels.of(Channel.PUSH).address().of(ada)).isEqualTo("ada-1");
    assertThat(Channels.of(Channel.PUSH).address().of(tokenOnly)).isEqualTo("token-2");
    assertThat(Channels.of(Channel.IN_APP).address().of(ada)).isEqualTo("ada-1");
    assertThat(Channels.of(Channel.IN_APP).address().of(tokenOnly)).isNull();
  }

  @Test
  void onlyEmailAddressesCompareWithoutCase() {
    assertThat(AddressKind.EMAIL.dedupeKey("Ada@Example.com")).isEqualTo(AddressKind.EMAIL.dedupeKey("ada@example.com"));
    assertThat(AddressKind.RECIPIENT_ID.dedupeKey("User-A")).isNotEqualTo(AddressKind.RECIPIENT_ID.dedupeKey("user-a"));
  }
}
