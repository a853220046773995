package dev.herald.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecipientTokensTest {

  static final String KEY_1 = Base64.getEncoder().encodeToString("first-signing-key-of-32-bytes!!!".getBytes());
  static final String KEY_2 = Base64.getEncoder().encodeToString("second-signing-key-of-32-bytes!!".getBytes());

  final FailedAttemptsTest.MovableClock clock = new FailedAttemptsTest.MovableClock();

  RecipientTokens tokens(String signingKey, Map<String, String> keys) {
    var settings = new SecurityProperties(null, List.of(), Duration.ofSeconds(30), 100,
        new SecurityProperties.RecipientTokens(signingKey, keys, Duration.ofMinutes(15), Duration.ofHours(24)),
        new SecurityProperties.FailedAttempts(20, 10, Duration.ofMinutes(1), 100));
    return new RecipientTokens(settings, clock);
  }

  @Test
  void aTokenNamesItsRecipientAndTheSenderThatMintedIt() {
    RecipientTokens tokens = tokens("k1", Map.of("k1", KEY_1));
    String token = tokens.mint("ada", "billing", Duration.ofMinutes(15)).token();

    assertThat(tokens.verify(token)).contains(new Caller(Role.RECIPIENT, "billing", "ada", "k1"));
  }

  @Test
  void anExpiredTokenIsRefused() {
    RecipientTokens tokens = tokens("k1", Map.of("k1", KEY_1));
    String token = tokens.mint("ada", "billing", Duration.ofMinutes(15)).token();

    clock.now = clock.now.plus(Duration.ofMinutes(16));
    assertThat(tokens.verify(token)).isEmpty();
  }

  @Test
  void aTamperedTokenIsRefused() {
    RecipientTokens tokens = tokens("k1", Map.of("k1", KEY_1));
    String token = tokens.mint("ada", "billing", Duration.ofMinutes(15)).token();
    String[] parts = token.split("\\.");
    String otherRecipient = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("bob\nbilling\n" + clock.now.plusSeconds(900).getEpochSecond()).getBytes());

    assertThat(tokens.verify(parts[0] + "." + otherRecipient + "." + parts[2])).isEmpty();
    assertThat(tokens.verify(token.substring(0, token.length() - 2) + "AA")).isEmpty();
    assertThat(tokens.verify("hrt_k1.garbage")).isEmpty();
    assertThat(tokens.verify("hrt_nokey.x.y")).isEmpty();
  }

  @Test
  void aRotatedKeyStillVerifiesWhatItSignedWhileTheNewOneSigns() {
    String old = tokens("k1", Map.of("k1", KEY_1)).mint("ada", "billing", Duration.ofMinutes(15)).token();
    RecipientTokens rotated = tokens("k2", Map.of("k1", KEY_1, "k2", KEY_2));

    assertThat(rotated.verify(old)).isPresent();
    assertThat(rotated.mint("ada", "billing", Duration.ofMinutes(1)).token()).startsWith("hrt_k2.");
    assertThat(tokens("k2", Map.of("k2", KEY_2)).verify(old)).as("once k1 is removed").isEmpty();
  }

  @Test
  void aSigningKeyMustBeLongEnoughAndNamed() {
    assertThatThrownBy(() -> tokens("k1", Map.of("k1", Base64.getEncoder().encodeToString("short".getBytes()))))
        .hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(() -> tokens("k9", Map.of("k1", KEY_1))).hasMessageContaining("not among");
    assertThat(tokens(null, Map.of()).canMint()).isFalse();
  }
}
