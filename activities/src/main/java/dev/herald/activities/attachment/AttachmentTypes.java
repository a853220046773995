package dev.herald.activities.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * An upload's content type from its first bytes (Tika's magic numbers; the file name only tells
 * text apart, e.g. CSV from plain text), checked against {@code herald.attachments.allowed-types}.
 * A declared type counts only when it says the same as the bytes, or more of it (text/csv for text):
 * a PDF sent as image/png is refused, so what a recipient opens is what Herald checked.
 */
final class AttachmentTypes {

  private static final Tika TIKA = new Tika();
  private static final MediaTypeRegistry REGISTRY = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();
  private static final MediaType UNKNOWN = MediaType.OCTET_STREAM;

  private final Set<MediaType> allowed;

  AttachmentTypes(List<String> allowed) {
    this.allowed = allowed.stream().map(type -> REGISTRY.normalize(MediaType.parse(type).getBaseType()))
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The type the upload is stored as; reads the first bytes of {@code markable} and resets it.
   *
   * @throws AttachmentTypeException when the bytes' type is not allowed, or contradicts the declared one
   */
  String check(InputStream markable, String filename, String declared) throws IOException {
    MediaType sniffed = REGISTRY.normalize(MediaType.parse(TIKA.detect(markable, filename)).getBaseType());
    MediaType claimed = declared == null ? null : MediaType.parse(declared);
    MediaType type = sniffed;
    // bytes of no known type stay unknown whatever they are called
    if (claimed != null && !claimed.getBaseType().equals(UNKNOWN) && !sniffed.equals(UNKNOWN)) {
      claimed = REGISTRY.normalize(claimed.getBaseType());
      if (REGISTRY.isInstanceOf(claimed, sniffed)) {
        type = claimed;
      } else if (!REGISTRY.isInstanceOf(sniffed, claimed)) {
        throw new AttachmentTypeException("the file was declared as " + claimed + " but its content is " + sniffed);
      }
    }
    if (!allowed.contains(type)) {
      throw new AttachmentTypeException("the file's content is " + type
          + ", which is not taken (herald.attachments.allowed-types: " + allowed.stream().map(MediaType::toString)
          .sorted().collect(Collectors.joining(", ")) + ")");
    }
    return type.toString();
  }
}
