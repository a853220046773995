package dev.herald.activities.preference.links;

import java.net.URI;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Herald's public base URL ({@code herald.public-url}, {@code HERALD_PUBLIC_URL}): where recipients reach
 * it from outside, e.g. {@code https://herald.example.com} behind a proxy. Read when first needed, not at
 * start-up: the dev kit's names the port its server listens on, known only once it listens (sends start
 * after that).
 */
@Component
public class PublicUrl {

  public static final String PROPERTY = "herald.public-url";

  private final Environment environment;
  private volatile String base;

  public PublicUrl(Environment environment) {
    this.environment = environment;
  }

  /** The base without a trailing slash; empty when none is configured. */
  public Optional<String> base() {
    String known = base;
    if (known == null) {
      String configured = environment.getProperty(PROPERTY, "").strip();
      if (configured.isEmpty()) {
        return Optional.empty();
      }
      known = checked(configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured);
      base = known;
    }
    return Optional.of(known);
  }

  private static String checked(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(PROPERTY + " is not a URL: " + url, e);
    }
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
      throw new IllegalStateException(PROPERTY + " must be an absolute http(s) URL, e.g. https://herald.example.com: " + url);
    }
    return url;
  }
}
