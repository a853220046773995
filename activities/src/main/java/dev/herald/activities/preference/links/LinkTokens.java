package dev.herald.activities.preference.links;

import dev.herald.activities.signing.SigningKeys;
import dev.herald.workflows.messages.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A {@link PreferenceLink} as a URL-safe token, {@code <key id>.<payload>.<signature>}: the payload is
 * base64url of owner, channel, recipient id, address, category and expiry (epoch seconds) on lines of
 * their own, empty for none; the signature HMAC-SHA256 of what precedes it, cut to 128 bits (a URL in a
 * mail header, and far beyond guessing by requests). Verifying takes any configured key by its id.
 */
public final class LinkTokens {

  static final int SIGNATURE_BYTES = 16;
  private static final int FIELDS = 6;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

  private final SigningKeys keys;
  private final Clock clock;

  public LinkTokens(SigningKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  public boolean canMint() {
    return keys.signingKeyId().isPresent();
  }

  /** @throws IllegalArgumentException for a field with a line break, which no id, address or category has */
  public String mint(PreferenceLink link) {
    String kid = keys.signingKeyId().orElseThrow(() -> new IllegalStateException("no preference link key is configured"));
    String payload = String.join("\n", field(link.owner()), link.channel().name(), field(link.recipientId()),
        field(link.address()), field(link.category()),
        link.expiresAt() == null ? "" : Long.toString(link.expiresAt().getEpochSecond()));
    String signed = kid + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return signed + "." + keys.signUrlSafe(signed, SIGNATURE_BYTES);
  }

  /** The link of a well-signed, unexpired token of a configured key; empty for anything else, whatever failed. */
  public Optional<PreferenceLink> verify(String token) {
    if (token == null) {
      return Optional.empty();
    }
    int firstDot = token.indexOf('.');
    int lastDot = token.lastIndexOf('.');
    if (firstDot <= 0 || lastDot == firstDot) {
      return Optional.empty();
    }
    try {
      if (!keys.verifiesUrlSafe(token.substring(0, firstDot), token.substring(0, lastDot), token.substring(lastDot + 1),
          SIGNATURE_BYTES)) {
        return Optional.empty();
      }
      String[] fields = new String(B64_DECODE.decode(token.substring(firstDot + 1, lastDot)), StandardCharsets.UTF_8)
          .split("\n", -1);
      if (fields.length != FIELDS) {
        return Optional.empty();
      }
      PreferenceLink link = new PreferenceLink(fields[0], Channel.valueOf(fields[1]), orNull(fields[2]),
          orNull(fields[3]), orNull(fields[4]), fields[5].isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(fields[5])));
      return link.expiredAt(clock.instant()) ? Optional.empty() : Optional.of(link);
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a preference link's field has a line break");
    }
    return value;
  }

  private static String orNull(String field) {
    return field.isEmpty() ? null : field;
  }
}
