package dev.herald.activities.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.activities.sms.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

  @Test
  void plainAsciiIsGsm7InOneSegmentUpTo160Characters() {
    assertThat(SmsSegments.of("Your code is 1234")).isEqualTo(new SmsSegments(Encoding.GSM_7, 17, 1));
    assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments(Encoding.GSM_7, 160, 1));
  }

  @Test
  void longGsm7IsSplitIn153SeptetSegments() {
    assertThat(SmsSegments.of("a".repeat(161))).isEqualTo(new SmsSegments(Encoding.GSM_7, 161, 2));
    assertThat(SmsSegments.of("a".repeat(306))).isEqualTo(new SmsSegments(Encoding.GSM_7, 306, 2));
    assertThat(SmsSegments.of("a".repeat(307))).isEqualTo(new SmsSegments(Encoding.GSM_7, 307, 3));
  }

  @Test
  void gsm7ExtensionCharactersCountTwo() {
    assertThat(SmsSegments.of("Price: 5€ [incl. {tax}]")).isEqualTo(new SmsSegments(Encoding.GSM_7, 28, 1));
    assertThat(SmsSegments.of("€".repeat(80))).isEqualTo(new SmsSegments(Encoding.GSM_7, 160, 1));
    assertThat(SmsSegments.of("€".repeat(81))).isEqualTo(new SmsSegments(Encoding.GSM_7, 162, 2));
  }

  @Test
  void anExtensionCharacterIsNeverSplitFromItsEscape() {
    // 152 septets, then '€' (2) does not fit in the first 153-septet segment: it opens the second
    SmsSegments length = SmsSegments.of("a".repeat(152) + "€" + "a".repeat(152));

    assertThat(length.units()).isEqualTo(306);
    assertThat(length.segments()).isEqualTo(3);
  }

  @Test
  void gsm7AccentedLettersStayGsm7ButOthersNeedUcs2() {
    assertThat(SmsSegments.of("Café à Düsseldorf").encoding()).isEqualTo(Encoding.GSM_7);
    assertThat(SmsSegments.of("Ça coûte 5 €").encoding()).isEqualTo(Encoding.UCS_2);
  }

  @Test
  void koreanIsUcs2With70UnitsInOneSegmentAnd67WhenSplit() {
    assertThat(SmsSegments.of("안녕하세요")).isEqualTo(new SmsSegments(Encoding.UCS_2, 5, 1));
    assertThat(SmsSegments.of("가".repeat(70))).isEqualTo(new SmsSegments(Encoding.UCS_2, 70, 1));
    assertThat(SmsSegments.of("가".repeat(71))).isEqualTo(new SmsSegments(Encoding.UCS_2, 71, 2));
    assertThat(SmsSegments.of("가".repeat(134))).isEqualTo(new SmsSegments(Encoding.UCS_2, 134, 2));
    assertThat(SmsSegments.of("가".repeat(135))).isEqualTo(new SmsSegments(Encoding.UCS_2, 135, 3));
  }

  @Test
  void koreanWithEmojiCountsTheEmojiAsTwoUtf16Units() {
    // 69 characters as code points, but the emoji is a surrogate pair: 70 units, one segment
    assertThat(SmsSegments.of("가".repeat(68) + "🚚")).isEqualTo(new SmsSegments(Encoding.UCS_2, 70, 1));
    // 70 code points, 71 units: two segments
    assertThat(SmsSegments.of("가".repeat(69) + "🚚")).isEqualTo(new SmsSegments(Encoding.UCS_2, 71, 2));
    assertThat(SmsSegments.of("배송이 시작되었습니다 🚚📦")).isEqualTo(new SmsSegments(Encoding.UCS_2, 16, 1));
  }

  @Test
  void anEmojiIsNeverSplitAcrossSegments() {
    // 66 units, then an emoji (2) does not fit in the first 67-unit segment: it opens the second
    SmsSegments length = SmsSegments.of("가".repeat(66) + "😀" + "가".repeat(66));

    assertThat(length.units()).isEqualTo(134);
    assertThat(length.segments()).isEqualTo(3);
  }

  @Test
  void emptyBodyIsOneEmptySegment() {
    assertThat(SmsSegments.of("")).isEqualTo(new SmsSegments(Encoding.GSM_7, 0, 1));
  }
}
