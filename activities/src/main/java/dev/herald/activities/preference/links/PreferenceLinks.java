package dev.herald.activities.preference.links;

import dev.herald.activities.signing.SigningKeys;
import dev.herald.workflows.messages.Channel;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Preference links: {@code <public url>/unsubscribe/<signed token>}, a {@code POST} on which unsubscribes
 * without signing in (RFC 8058 one-click) and a {@code GET} shows the page to confirm and to choose. The
 * token is the capability: whoever holds the link may use it, as a mail provider does for its user.
 */
@Component
@EnableConfigurationProperties(LinkProperties.class)
public class PreferenceLinks {

  public static final String PATH = "/unsubscribe/";
  public static final String KEYS_PROPERTY = "herald.preferences.links.keys";

  private final LinkTokens tokens;
  private final LinkProperties settings;
  private final PublicUrl publicUrl;
  private final Clock clock = Clock.systemUTC();

  public PreferenceLinks(LinkProperties settings, PublicUrl publicUrl) {
    this.settings = settings;
    this.publicUrl = publicUrl;
    this.tokens = new LinkTokens(SigningKeys.parse(KEYS_PROPERTY, settings.keys()), clock);
  }

  /**
   * The URL of one message's link; empty where links cannot be made (no key or no public URL configured)
   * or the message names no recipient.
   */
  public Optional<String> url(String owner, Channel channel, String recipientId, String address, String category) {
    if (!tokens.canMint() || ((recipientId == null || recipientId.isBlank()) && address == null)) {
      return Optional.empty();
    }
    return publicUrl.base().map(base -> base + PATH + tokens.mint(PreferenceLink.of(owner, channel, recipientId,
        address, category, settings.ttl() == null ? null : clock.instant().plus(settings.ttl()))));
  }

  /** List-Unsubscribe's mailto for a link's URL, when a mailbox is configured: the token in the subject. */
  public Optional<String> mailto(String url) {
    if (settings.mailto() == null || settings.mailto().isBlank()) {
      return Optional.empty();
    }
    return Optional.of("mailto:" + settings.mailto().strip() + "?subject=unsubscribe%20"
        + url.substring(url.lastIndexOf('/') + 1));
  }

  /** The link of a token from a URL; empty for a tampered, foreign, unknown-key or expired one. */
  public Optional<PreferenceLink> verify(String token) {
    return tokens.verify(token);
  }
}
