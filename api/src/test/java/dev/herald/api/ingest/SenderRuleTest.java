package dev.herald.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What an event on a topic may speak for: the topic's listed senders, any with *, and its only sender by default. */
class SenderRuleTest {

  @Test
  void anEventSpeaksForTheSenderItNamesWhenTheTopicMayAndForNoOther() {
    SenderRule rule = SenderRule.parse("orders", " shop , billing ");

    assertThat(rule.senders()).containsExactly("shop", "billing");
    assertThat(rule.senderOf("billing")).isEqualTo("billing");
    assertThatThrownBy(() -> rule.senderOf("marketing")).isInstanceOf(InvalidEventException.class)
        .hasMessage("sender: 'marketing' is not a sender the topic orders may speak for "
            + "(herald.kafka.topic-senders: shop, billing)");
  }

  @Test
  void aSenderIsMatchedExactly() {
    SenderRule rule = SenderRule.parse("orders", "shop");

    assertThatThrownBy(() -> rule.senderOf("Shop")).isInstanceOf(InvalidEventException.class);
    assertThatThrownBy(() -> rule.senderOf("shop ")).isInstanceOf(InvalidEventException.class);
    assertThatThrownBy(() -> rule.senderOf("")).isInstanceOf(InvalidEventException.class);
  }

  @Test
  void anEventWithoutSenderSpeaksForTheTopicsOnlySender() {
    assertThat(SenderRule.parse("shop.notifications", "shop").senderOf(null)).isEqualTo("shop");
  }

  @Test
  void anEventWithoutSenderOnATopicOfSeveralOrAnySendersIsRefused() {
    assertThatThrownBy(() -> SenderRule.parse("orders", "shop,billing").senderOf(null))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("sender: is required, as the topic orders may speak for several (shop, billing) "
            + "(herald.kafka.topic-senders)");
    assertThatThrownBy(() -> SenderRule.parse("dev", "*").senderOf(null))
        .hasMessage("sender: is required, as the topic dev may speak for any sender (herald.kafka.topic-senders)");
  }

  @Test
  void theWildcardAllowsAnySenderTheValidatorThenJudges() {
    SenderRule any = SenderRule.parse("dev", "*");

    assertThat(any.allowsAny()).isTrue();
    assertThat(any.senderOf("anyone")).isEqualTo("anyone");
    assertThat(any.senderOf("not a key's sender")).isEqualTo("not a key's sender");
  }

  @Test
  void aSenderNoKeyCanHaveIsNotRepeatedInTheReason() {
    assertThatThrownBy(() -> SenderRule.parse("orders", "shop").senderOf("evil\nline"))
        .hasMessage("sender: is not a sender the topic orders may speak for (herald.kafka.topic-senders: shop)");
  }

  @Test
  void aSettingWithoutSendersWithTheWildcardBesideOthersOrWithANameNoKeyCanHaveIsRefused() {
    assertThatThrownBy(() -> SenderRule.parse("orders", " , ")).hasMessage("lists no sender");
    assertThatThrownBy(() -> SenderRule.parse("orders", "*,shop"))
        .hasMessage("lists senders beside * (any sender): * stands alone");
    assertThatThrownBy(() -> SenderRule.parse("orders", "shop billing"))
        .hasMessageStartingWith("lists 'shop billing', which is no API key's sender");
  }
}
