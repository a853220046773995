package dev.herald.activities.preference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.workflows.messages.Channel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberChoicesTest {

  private static final Instant AT = Instant.parse("2026-12-04T00:00:00Z");

  @Test
  void nothingChosenSendsEverything() {
    assertThat(MemberChoices.NONE.skipReason("marketing", false, Channel.EMAIL)).isEmpty();
  }

  @Test
  void aChannelOptOutSkipsEveryCategoryOnThatChannelOnly() {
    var choices = rules(out(null, Channel.EMAIL));

    assertThat(choices.skipReason("marketing", false, Channel.EMAIL)).get()
        .extracting(SkipReason::code).isEqualTo("opted-out:channel=email");
    assertThat(choices.skipReason(null, false, Channel.EMAIL)).isPresent();
    assertThat(choices.skipReason("marketing", false, Channel.SMS)).isEmpty();
  }

  @Test
  void aCategoryOptOutSkipsThatCategoryOnEveryChannelButNotOthersOrUncategorised() {
    var choices = rules(out("marketing", null));

    assertThat(choices.skipReason("marketing", false, Channel.SMS)).get()
        .extracting(SkipReason::code).isEqualTo("opted-out:category=marketing");
    assertThat(choices.skipReason("account", false, Channel.SMS)).isEmpty();
    assertThat(choices.skipReason(null, false, Channel.SMS)).isEmpty();
  }

  @Test
  void theMostSpecificRuleDecidesSoAnOptInReopensOneCategoryInsideAChannelOptOut() {
    var choices = rules(out(null, Channel.EMAIL), in("account", Channel.EMAIL), out(null, null));

    assertThat(choices.skipReason("account", false, Channel.EMAIL)).isEmpty();
    assertThat(choices.skipReason("marketing", false, Channel.EMAIL)).get()
        .extracting(SkipReason::code).isEqualTo("opted-out:channel=email");
    assertThat(choices.skipReason("marketing", false, Channel.PUSH)).get()
        .extracting(SkipReason::code).isEqualTo("opted-out:all");
  }

  @Test
  void aCategoryRuleOutranksAChannelRule() {
    var choices = rules(in(null, Channel.SMS), out("marketing", null));

    assertThat(choices.skipReason("marketing", false, Channel.SMS)).get()
        .extracting(SkipReason::code).isEqualTo("opted-out:category=marketing");
  }

  @Test
  void aCriticalCategoryPassesOptOutsThatDoNotNameIt() {
    var everything = rules(out(null, null), out(null, Channel.SMS));
    var thatCategoryOnSms = rules(out("otp", Channel.SMS));
    var thatCategory = rules(out("otp", null));

    assertThat(everything.skipReason("otp", true, Channel.SMS)).isEmpty();
    assertThat(thatCategoryOnSms.skipReason("otp", true, Channel.SMS)).get()
        .extracting(SkipReason::code).isEqualTo("opted-out:category=otp,channel=sms");
    assertThat(thatCategoryOnSms.skipReason("otp", true, Channel.VOICE)).isEmpty();
    assertThat(thatCategory.skipReason("otp", true, Channel.VOICE)).isPresent();
  }

  @Test
  void aSuppressedAddressIsSkippedAndOnlyASendersBlanketSuppressionYieldsToCritical() {
    var stop = suppressed(new Suppression(Channel.SMS, "+15005550006", Suppression.EVERY_SENDER, null, "inbound STOP", AT));
    var unsubscribed = suppressed(new Suppression(Channel.EMAIL, "a@example.com", "shop", null, "one-click", AT));
    var marketingOnly = suppressed(new Suppression(Channel.EMAIL, "a@example.com", "shop", "marketing", "one-click", AT));

    assertThat(stop.skipReason("otp", true, Channel.SMS)).get()
        .extracting(SkipReason::code).isEqualTo("opted-out:address");
    assertThat(stop.skipReason(null, false, Channel.VOICE)).isEmpty();
    assertThat(unsubscribed.skipReason("otp", true, Channel.EMAIL)).isEmpty();
    assertThat(unsubscribed.skipReason("news", false, Channel.EMAIL)).isPresent();
    assertThat(marketingOnly.skipReason("marketing", true, Channel.EMAIL)).get()
        .extracting(SkipReason::code).isEqualTo("opted-out:address,category=marketing");
    assertThat(marketingOnly.skipReason("account", false, Channel.EMAIL)).isEmpty();
  }

  private static MemberChoices rules(PreferenceRule... rules) {
    return new MemberChoices(List.of(rules), List.of());
  }

  private static MemberChoices suppressed(Suppression suppression) {
    return new MemberChoices(List.of(), List.of(suppression));
  }

  private static PreferenceRule out(String category, Channel channel) {
    return new PreferenceRule(new Scope(category, channel), true, "api", AT);
  }

  private static PreferenceRule in(String category, Channel channel) {
    return new PreferenceRule(new Scope(category, channel), false, "api", AT);
  }
}
