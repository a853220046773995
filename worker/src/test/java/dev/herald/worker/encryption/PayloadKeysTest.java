package dev.herald.worker.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The keys setting: the first key encrypts, all decrypt; a mistake is named without showing a key. */
class PayloadKeysTest {

  private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String KEY_B = Base64.getEncoder().encodeToString(new byte[] {
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

  @Test
  void theFirstKeyEncryptsAndEveryKeyIsKnown() {
    PayloadKeys keys = PayloadKeys.parse(" 2025-06:" + KEY_B + " , 2024-01:" + KEY_A);

    assertThat(keys.active().id()).isEqualTo("2025-06");
    assertThat(keys.ids()).containsExactly("2025-06", "2024-01");
    assertThat(keys.byId("2024-01")).isPresent();
    assertThat(keys.byId("2023-01")).isEmpty();
  }

  @Test
  void aKeyOfAnotherLengthIsRefusedWithoutShowingIt() {
    String short16 = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> PayloadKeys.parse("k1:" + short16)).hasMessageContaining("key 'k1' has 16 bytes, not 32")
        .hasMessageNotContaining(short16);
  }

  @Test
  void mistakesAreNamedByPositionOrId() {
    assertThatThrownBy(() -> PayloadKeys.parse("")).hasMessageContaining("no key");
    assertThatThrownBy(() -> PayloadKeys.parse(KEY_A)).hasMessageContaining("key 1 has no id");
    assertThatThrownBy(() -> PayloadKeys.parse("k1:" + KEY_A + ",k 2:" + KEY_B)).hasMessageContaining("key 2 has no id");
    assertThatThrownBy(() -> PayloadKeys.parse("k1:not base64!")).hasMessageContaining("key 'k1' is not base64")
        .hasMessageNotContaining("not base64!");
    assertThatThrownBy(() -> PayloadKeys.parse("k1:" + KEY_A + ",k1:" + KEY_B)).hasMessageContaining("'k1' is given twice");
  }

  @Test
  void aGeneratedKeyReadsBackFromItsConfigurationForm() {
    PayloadKey key = PayloadKey.generate("dev-1", new SecureRandom());

    PayloadKeys read = PayloadKeys.parse(key.encoded());

    assertThat(read.active().key().getEncoded()).isEqualTo(key.key().getEncoded());
    assertThat(key.toString()).isEqualTo("PayloadKey[dev-1]");
  }
}
