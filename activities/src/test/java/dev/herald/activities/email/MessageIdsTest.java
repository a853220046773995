package dev.herald.activities.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

  private static final String DOMAIN = "herald.example.com";
  /** RFC 5322 msg-id with a dot-atom-text left part: "<" 1*atext *("." 1*atext) "@" domain ">". */
  private static final Pattern MSG_ID =
      Pattern.compile("<[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@herald\\.example\\.com>");

  @Test
  void atextIdsAreKeptAsTheyAre() {
    assertThat(MessageIds.of("notification-order.42/email/0", DOMAIN))
        .isEqualTo("<notification-order.42/email/0@herald.example.com>");
  }

  @Test
  void idsDifferingOnlyOutsideAtextGetDifferentMessageIds() {
    List<String> ids = List.of("a:b", "a_b", "a=3Ab", "a=003Ab", "a@b", "a b", "a\"b", "a=b", "a==b", "ab", "a.b", "a..b",
        "a.=002Eb", ".a", "=002Ea", "a.", "a=002E", "a\uD83D\uDE00b", "a한b");

    assertThat(ids.stream().map(id -> MessageIds.of(id, DOMAIN)).distinct()).hasSameSizeAs(ids);
  }

  @Test
  void everyMessageIdIsAValidRfc5322MsgId() {
    List<String> ids = List.of("notification-key:with@signs/email/0", "notification-a..b/email/1",
        "notification-ends./email/2", ".leading", "trailing.", "..", "a b<c>", "emoji-\uD83D\uDE00", "한글");

    assertThat(ids).allSatisfy(id -> assertThat(MessageIds.of(id, DOMAIN)).matches(MSG_ID));
  }

  @Test
  void sameDeliveryIdAlwaysGivesTheSameMessageId() {
    assertThat(MessageIds.of("notification-k:1/email/7", DOMAIN))
        .isEqualTo(MessageIds.of("notification-k:1/email/7", DOMAIN));
  }
}
