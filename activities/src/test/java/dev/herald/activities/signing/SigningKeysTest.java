package dev.herald.activities.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys by id: which signs, that any verifies, and the settings' mistakes named. */
class SigningKeysTest {

  static final String KEY_1 = Base64.getEncoder().encodeToString("first-signing-key-of-32-bytes!!!".getBytes());
  static final String KEY_2 = Base64.getEncoder().encodeToString("second-signing-key-of-32-bytes!!".getBytes());

  @Test
  void theFirstOfAListSignsAndEveryKeyVerifies() {
    SigningKeys keys = SigningKeys.parse("x.keys", "new:" + KEY_2 + ", old:" + KEY_1);
    SigningKeys old = SigningKeys.parse("x.keys", "old:" + KEY_1);

    assertThat(keys.signingKeyId()).contains("new");
    assertThat(keys.verifies("old", "text", old.sign("text"), 32)).isTrue();
    assertThat(keys.verifies("new", "text", old.sign("text"), 32)).as("under another key").isFalse();
    assertThat(keys.verifies("gone", "text", old.sign("text"), 32)).isFalse();
  }

  @Test
  void aTruncatedSignatureVerifiesDownToTheGivenLengthOnly() {
    SigningKeys keys = new SigningKeys("x", Map.of("k", KEY_1), null);
    byte[] full = keys.sign("text");

    assertThat(keys.verifies("k", "text", java.util.Arrays.copyOf(full, 16), 16)).isTrue();
    assertThat(keys.verifies("k", "text", java.util.Arrays.copyOf(full, 15), 16)).isFalse();
    assertThat(keys.verifies("k", "other", java.util.Arrays.copyOf(full, 16), 16)).isFalse();
  }

  @Test
  void aUrlSafeSignatureVerifiesInItsOneSpellingOnly() {
    SigningKeys keys = new SigningKeys("x", Map.of("k", KEY_1), null);
    String signature = keys.signUrlSafe("text", 16);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int last = alphabet.indexOf(signature.charAt(signature.length() - 1));
    // 16 bytes leave 4 unused bits in the last character: its neighbour spells the same bytes
    String sameBytes = signature.substring(0, signature.length() - 1) + alphabet.charAt(last ^ 1);

    assertThat(signature).matches("[A-Za-z0-9_-]{22}");
    assertThat(keys.verifiesUrlSafe("k", "text", signature, 16)).isTrue();
    assertThat(keys.verifiesUrlSafe("k", "text", sameBytes, 16)).isFalse();
    assertThat(keys.verifiesUrlSafe("k", "text", signature + "==", 16)).isFalse();
    assertThat(keys.verifiesUrlSafe("k", "text", "not base64!", 16)).isFalse();
    assertThat(keys.verifiesUrlSafe("other", "text", signature, 16)).isFalse();
  }

  @Test
  void badKeysAreNamedAtStartUp() {
    assertThatThrownBy(() -> SigningKeys.parse("herald.preferences.links.keys", "k:" + Base64.getEncoder()
        .encodeToString("short".getBytes()))).hasMessageContaining("herald.preferences.links.keys").hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(() -> SigningKeys.parse("x.keys", KEY_1)).hasMessageContaining("<id>:<base64>");
    assertThatThrownBy(() -> new SigningKeys("x", Map.of("k1", KEY_1), "k9")).hasMessageContaining("not among");
    assertThat(new SigningKeys("x", Map.of("k1", KEY_1, "k2", KEY_2), null).signingKeyId()).as("two, none named").isEmpty();
  }
}
