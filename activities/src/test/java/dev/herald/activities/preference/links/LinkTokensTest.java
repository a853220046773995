package dev.herald.activities.preference.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.activities.signing.SigningKeys;
import dev.herald.workflows.messages.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The token of a preference link: what it carries, that it is URL-safe and short, and what it refuses. */
class LinkTokensTest {

  static final String KEY_1 = Base64.getEncoder().encodeToString("first-link-key-of-32-bytes-!!!!!".getBytes());
  static final String KEY_2 = Base64.getEncoder().encodeToString("second-link-key-of-32-bytes-!!!!".getBytes());
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  final LinkTokens tokens = tokens("k1:" + KEY_1, NOW);
  final PreferenceLink byId = new PreferenceLink("billing", Channel.EMAIL, "ada", null, "marketing", null);
  final PreferenceLink byAddress = new PreferenceLink("billing", Channel.EMAIL, null, "ada@example.com", null, null);

  static LinkTokens tokens(String keys, Instant now) {
    return new LinkTokens(SigningKeys.parse("herald.preferences.links.keys", keys), Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void aTokenCarriesItsRecipientIdOrAddressCategoryAndOwner() {
    assertThat(tokens.verify(tokens.mint(byId))).contains(byId);
    assertThat(tokens.verify(tokens.mint(byAddress))).contains(byAddress);
  }

  @Test
  void aTokenIsUrlSafeShortAndTheSameForTheSameLink() {
    String token = tokens.mint(byAddress);

    assertThat(token).matches("k1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{22}").hasSizeLessThan(100);
    assertThat(tokens.mint(byAddress)).as("no expiry: nothing but the link in it").isEqualTo(token);
  }

  @Test
  void aTamperedTokenIsRefusedWhicheverCharacterChanged() {
    String token = tokens.mint(byId);
    for (int i = 0; i < token.length(); i++) {
      char other = token.charAt(i) == 'A' ? 'B' : 'A';
      String tampered = token.substring(0, i) + other + token.substring(i + 1);
      assertThat(tokens.verify(tampered)).as("changed at %d: %s", i, tampered).isEmpty();
    }
    String[] parts = token.split("\\.");
    String bob = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("billing\nEMAIL\nbob\n\nmarketing\n".getBytes(StandardCharsets.UTF_8));
    assertThat(tokens.verify(parts[0] + "." + bob + "." + parts[2])).as("another recipient, same signature").isEmpty();
    assertThat(tokens.verify("k1.garbage")).isEmpty();
    assertThat(tokens.verify("")).isEmpty();
  }

  @Test
  void aTokenOfAnotherKeyOrAnUnknownKeyIdIsRefused() {
    String foreign = tokens("k1:" + KEY_2, NOW).mint(byId);
    String unknownId = tokens("k9:" + KEY_1, NOW).mint(byId);

    assertThat(tokens.verify(foreign)).isEmpty();
    assertThat(tokens.verify(unknownId)).isEmpty();
  }

  @Test
  void aRotatedKeyStillVerifiesItsLinksWhileTheNewOneSigns() {
    String old = tokens.mint(byId);
    LinkTokens rotated = tokens("k2:" + KEY_2 + ",k1:" + KEY_1, NOW);

    assertThat(rotated.verify(old)).contains(byId);
    assertThat(rotated.mint(byId)).startsWith("k2.");
    assertThat(tokens("k2:" + KEY_2, NOW).verify(old)).as("once k1 is removed").isEmpty();
  }

  @Test
  void aLinkWithAnExpiryWorksUntilThen() {
    PreferenceLink expiring = new PreferenceLink("billing", Channel.PUSH, "ada", null, null,
        NOW.plus(Duration.ofDays(30)));
    String token = tokens.mint(expiring);

    assertThat(tokens.verify(token)).contains(expiring);
    assertThat(tokens("k1:" + KEY_1, NOW.plus(Duration.ofDays(30))).verify(token)).isEmpty();
  }

  @Test
  void withoutAKeyNothingIsMintedNorVerified() {
    LinkTokens none = tokens("", NOW);

    assertThat(none.canMint()).isFalse();
    assertThat(none.verify(tokens.mint(byId))).isEmpty();
    assertThatThrownBy(() -> none.mint(byId)).hasMessageContaining("no preference link key");
  }
}
