package dev.herald.activities.blob;

import java.io.IOException;
import java.util.regex.Pattern;

/** The keys every store takes (safe as a relative path and as an S3 key alike: no segment starts with a dot). */
final class BlobKeys {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");

  private BlobKeys() {}

  static String checked(String key) {
    if (key == null || key.isEmpty() || key.length() > 1000) {
      throw new IllegalArgumentException("a blob key is 1-1000 characters");
    }
    for (String segment : key.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches()) {
        throw new IllegalArgumentException("not a blob key: " + key);
      }
    }
    return key;
  }

  /** Thrown when a stream of a declared length is shorter or longer. */
  static IOException wrongLength(long declared, long read) {
    return new IOException("the content is " + (read > declared ? "longer" : "shorter")
        + " than its declared " + declared + " bytes");
  }
}
