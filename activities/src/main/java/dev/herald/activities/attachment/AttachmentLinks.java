package dev.herald.activities.attachment;

import dev.herald.activities.preference.links.LinkProperties;
import dev.herald.activities.preference.links.PreferenceLinks;
import dev.herald.activities.preference.links.PublicUrl;
import dev.herald.activities.signing.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring download links to an attachment's bytes, for messages that cannot carry them (SMS, push,
 * in-app): {@code <public url>/api/v1/attachments/<id>/content?exp=<epoch seconds>&sig=<key id>.<mac>}. The link is
 * the capability: whoever holds it may download until {@code exp}. Signed by the preference links' keys ({@code
 * herald.preferences.links.keys}: the first signs, all verify, so they rotate together), HMAC-SHA256 of a text of
 * its own ({@code attachment-content:<key id>:<id>:<exp>}, which no preference token's signed part can be: those
 * have no colon), cut to 128 bits.
 */
@Component
@EnableConfigurationProperties({LinkProperties.class, AttachmentProperties.class})
public class AttachmentLinks {

  /** The content's path, for the controller that serves it and the security rule that opens it. */
  public static final String PATH = "/api/v1/attachments/{id}/content";
  public static final String EXPIRY = "exp";
  public static final String SIGNATURE = "sig";
  static final int SIGNATURE_BYTES = 16;

  private final SigningKeys keys;
  private final PublicUrl publicUrl;
  private final Duration defaultTtl;
  private final Clock clock;

  /** The process's clock where it has one (the api's), the system's UTC otherwise. */
  @Autowired
  AttachmentLinks(LinkProperties links, AttachmentProperties settings, PublicUrl publicUrl, ObjectProvider<Clock> clock) {
    this(SigningKeys.parse(PreferenceLinks.KEYS_PROPERTY, links.keys()), publicUrl, settings.linkTtl(),
        clock.getIfAvailable(Clock::systemUTC));
  }

  AttachmentLinks(SigningKeys keys, PublicUrl publicUrl, Duration defaultTtl, Clock clock) {
    this.keys = keys;
    this.publicUrl = publicUrl;
    this.defaultTtl = defaultTtl;
    this.clock = clock;
  }

  /** How long {@link #url(UUID)}'s links work: {@code herald.attachments.link-ttl}. */
  public Duration ttl() {
    return defaultTtl;
  }

  /** A link that works for {@code herald.attachments.link-ttl}; see {@link #url(UUID, Duration)}. */
  public Optional<String> url(UUID id) {
    return url(id, defaultTtl);
  }

  /**
   * The absolute URL of a link to the attachment's bytes that works for {@code ttl} from now (to the second); empty
   * where links cannot be made: no preference link key or no {@code herald.public-url} configured. Whether the
   * attachment exists is not checked: a link to one deleted answers 410.
   */
  public Optional<String> url(UUID id, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a link's time to live is positive: " + ttl);
    }
    Optional<String> keyId = keys.signingKeyId();
    if (keyId.isEmpty()) {
      return Optional.empty();
    }
    long exp = clock.instant().plus(ttl).getEpochSecond();
    return publicUrl.base().map(base -> base + PATH.replace("{id}", id.toString()) + "?" + EXPIRY + "=" + exp + "&"
        + SIGNATURE + "=" + keyId.get() + "." + keys.signUrlSafe(signed(keyId.get(), id, exp), SIGNATURE_BYTES));
  }

  /**
   * When a link's {@code exp} and {@code sig} let its holder download the attachment: the link's expiry; empty for a
   * tampered id or expiry, another key's or an unknown key id's signature, or a link expired. Compared in constant
   * time; which part failed is not told.
   */
  public Optional<Instant> verify(UUID id, Long exp, String sig) {
    if (id == null || exp == null || sig == null) {
      return Optional.empty();
    }
    int dot = sig.indexOf('.');
    if (dot <= 0 || !keys.verifiesUrlSafe(sig.substring(0, dot), signed(sig.substring(0, dot), id, exp),
        sig.substring(dot + 1), SIGNATURE_BYTES)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return now.getEpochSecond() < exp ? Optional.of(Instant.ofEpochSecond(exp)) : Optional.empty();
  }

  /** What is signed: the purpose first, so a signature for one kind of link is never one for another. */
  private static String signed(String keyId, UUID id, long exp) {
    return "attachment-content:" + keyId + ":" + id + ":" + exp;
  }
}
