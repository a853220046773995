package dev.herald.activities.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.activities.MovableClock;
import dev.herald.activities.preference.links.LinkTokens;
import dev.herald.activities.preference.links.PreferenceLink;
import dev.herald.activities.preference.links.PublicUrl;
import dev.herald.activities.signing.SigningKeys;
import dev.herald.workflows.messages.Channel;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** An attachment's download link: its shape, and what it refuses (another id, a late or forged expiry, a foreign key). */
class AttachmentLinksTest {

  static final String KEY_1 = Base64.getEncoder().encodeToString("first-link-key-of-32-bytes-!!!!!".getBytes());
  static final String KEY_2 = Base64.getEncoder().encodeToString("second-link-key-of-32-bytes-!!!!".getBytes());
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final UUID ID = UUID.fromString("0b0f9b62-5d1e-4c1a-9a57-3c1d2f6e8a10");

  final MovableClock clock = new MovableClock(NOW);
  final AttachmentLinks links = links("k1:" + KEY_1);

  AttachmentLinks links(String keys) {
    return links(keys, "https://herald.example.com/");
  }

  AttachmentLinks links(String keys, String publicUrl) {
    return new AttachmentLinks(SigningKeys.parse("herald.preferences.links.keys", keys),
        new PublicUrl(new MockEnvironment().withProperty(PublicUrl.PROPERTY, publicUrl)), Duration.ofDays(7), clock);
  }

  /** The link's query parameters. */
  static Map<String, String> query(String url) {
    return Stream.of(URI.create(url).getRawQuery().split("&")).map(p -> p.split("=", 2))
        .collect(Collectors.toMap(p -> p[0], p -> p[1]));
  }

  static Optional<Instant> verify(AttachmentLinks links, UUID id, String url) {
    Map<String, String> query = query(url);
    return links.verify(id, Long.valueOf(query.get("exp")), query.get("sig"));
  }

  @Test
  void aLinkIsTheContentUrlUnderThePublicUrlWithItsExpiryAndKeyedSignature() {
    String url = links.url(ID).orElseThrow();

    long exp = NOW.plus(Duration.ofDays(7)).getEpochSecond();
    assertThat(url).matches("https://herald\\.example\\.com/api/v1/attachments/" + ID + "/content\\?exp=" + exp
        + "&sig=k1\\.[A-Za-z0-9_-]{22}");
    assertThat(verify(links, ID, url)).contains(Instant.ofEpochSecond(exp));
    assertThat(links.url(ID, Duration.ofMinutes(5)).orElseThrow()).contains("exp=" + (NOW.getEpochSecond() + 300));
  }

  @Test
  void aLinkWorksUntilItsExpiryAndNotASecondLonger() {
    String url = links.url(ID, Duration.ofHours(1)).orElseThrow();

    clock.advance(Duration.ofMinutes(59).plusSeconds(59));
    assertThat(verify(links, ID, url)).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(verify(links, ID, url)).isEmpty();
  }

  @Test
  void anotherIdALaterExpiryOrAChangedSignatureIsRefused() {
    String url = links.url(ID, Duration.ofHours(1)).orElseThrow();
    Map<String, String> query = query(url);
    long exp = Long.parseLong(query.get("exp"));
    String sig = query.get("sig");

    assertThat(links.verify(UUID.randomUUID(), exp, sig)).as("the signature of another attachment").isEmpty();
    assertThat(links.verify(ID, exp + 3600, sig)).as("a later expiry").isEmpty();
    for (int i = 0; i < sig.length(); i++) {
      char other = sig.charAt(i) == 'A' ? 'B' : 'A';
      String tampered = sig.substring(0, i) + other + sig.substring(i + 1);
      assertThat(links.verify(ID, exp, tampered)).as("changed at %d: %s", i, tampered).isEmpty();
    }
    assertThat(links.verify(ID, exp, sig.substring(0, sig.length() - 1))).as("cut short").isEmpty();
    assertThat(links.verify(ID, exp, sig.substring(sig.indexOf('.') + 1))).as("no key id").isEmpty();
    assertThat(links.verify(ID, exp, "")).isEmpty();
    assertThat(links.verify(ID, null, sig)).isEmpty();
    assertThat(links.verify(ID, exp, null)).isEmpty();
  }

  @Test
  void aSignatureOfAnotherKeyOrAnUnknownKeyIdIsRefused() {
    String foreign = links("k1:" + KEY_2).url(ID).orElseThrow();
    String unknownId = links("k9:" + KEY_1).url(ID).orElseThrow();

    assertThat(verify(links, ID, foreign)).isEmpty();
    assertThat(verify(links, ID, unknownId)).isEmpty();
  }

  @Test
  void aRotatedKeyStillVerifiesItsLinksWhileTheNewOneSigns() {
    String old = links.url(ID).orElseThrow();
    AttachmentLinks rotated = links("k2:" + KEY_2 + ",k1:" + KEY_1);

    assertThat(verify(rotated, ID, old)).isPresent();
    assertThat(query(rotated.url(ID).orElseThrow()).get("sig")).startsWith("k2.");
    assertThat(verify(links("k2:" + KEY_2), ID, old)).as("once k1 is removed").isEmpty();
  }

  @Test
  void aPreferenceLinkTokensSignatureIsNoAttachmentLinks() {
    LinkTokens tokens = new LinkTokens(SigningKeys.parse("herald.preferences.links.keys", "k1:" + KEY_1), clock);
    String token = tokens.mint(new PreferenceLink("billing", Channel.SMS, ID.toString(), null, null, null));
    String signature = token.substring(token.lastIndexOf('.') + 1);

    assertThat(links.verify(ID, NOW.getEpochSecond() + 60, "k1." + signature)).isEmpty();
  }

  @Test
  void withoutAKeyOrAPublicUrlNoLinkIsMadeNorVerified() {
    String url = links.url(ID).orElseThrow();

    assertThat(links("").url(ID)).isEmpty();
    assertThat(verify(links(""), ID, url)).isEmpty();
    assertThat(links("k1:" + KEY_1, "").url(ID)).isEmpty();
    assertThatThrownBy(() -> links.url(ID, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
