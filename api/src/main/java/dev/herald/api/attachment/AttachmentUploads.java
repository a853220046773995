package dev.herald.api.attachment;

import dev.herald.activities.attachment.Attachment;
import dev.herald.activities.attachment.AttachmentProperties;
import dev.herald.activities.attachment.AttachmentTooLargeException;
import dev.herald.activities.attachment.AttachmentTypeException;
import dev.herald.activities.attachment.Attachments;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * An upload's body into {@link Attachments}, as it arrives: a {@code multipart/form-data} body's
 * {@code file} part through Tomcat's streaming multipart parser (its item iterator: nothing goes to
 * memory or disk; Spring's multipart resolver, off in Herald, would spool to disk), or any other body
 * as the file itself. Neither is ever held whole.
 */
@Component
public class AttachmentUploads {

  /** Where files are uploaded: a body of its own limit (herald.attachments.max-size), not herald.api.max-body-size's. */
  public static final String PATH = "/api/v1/attachments";
  /** Where the console's send form uploads, by its session: the same body, the same limit. */
  public static final String CONSOLE_PATH = "/console/send/attachments";
  static final String FILE_PART = "file";
  /** What a multipart body may have beyond its file: boundaries, part headers, small fields. */
  private static final long MULTIPART_OVERHEAD = 64 * 1024;
  /** How much of a body refused as too large is still read, so that the client that sent just over gets its 413. */
  private static final long DRAIN_BYTES = 1024 * 1024;

  private final Attachments attachments;
  private final long maxBytes;

  AttachmentUploads(Attachments attachments, AttachmentProperties settings) {
    this.attachments = attachments;
    this.maxBytes = settings.maxSize().toBytes();
  }

  /** Stores the request's file as the sender's; {@code filename} (a parameter) names a raw body's file. */
  public Attachment upload(HttpServletRequest request, String sender, String filename) throws IOException {
    MediaType type = contentType(request);
    boolean multipart = type != null && MediaType.MULTIPART_FORM_DATA.includes(type);
    if (!multipart && request.getContentLengthLong() > maxBytes) {
      // before reading anything: a client waiting for 100-continue sends nothing
      throw AttachmentProblem.tooLarge("the body's Content-Length is over the " + maxBytes
          + " bytes an attachment may have (herald.attachments.max-size)");
    }
    try {
      return multipart ? multipart(request, sender)
          : store(sender, filename != null ? filename : dispositionFilename(request),
              type == null ? null : type.toString(), request.getInputStream());
    } catch (AttachmentProblem refused) {
      if (refused.type() == ProblemType.BODY_TOO_LARGE) {
        drain(request);
      }
      throw refused;
    }
  }

  /**
   * Reads and drops what is left of a body refused as too large, up to a bound: Tomcat closes the connection after
   * a 413, and unread bytes there would reset it before the client reads the answer.
   */
  private static void drain(HttpServletRequest request) {
    try {
      InputStream in = request.getInputStream();
      byte[] buffer = new byte[8192];
      long left = DRAIN_BYTES;
      for (int n = 0; n >= 0 && left > 0; left -= n) {
        n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      }
    } catch (IOException | IllegalStateException ignored) {
      // the client is gone, or the body was read another way: the answer goes as it can
    }
  }

  private Attachment multipart(HttpServletRequest request, String sender) throws IOException {
    FileUpload upload = new FileUpload();
    upload.setSizeMax(maxBytes + MULTIPART_OVERHEAD);
    FileItemStream file;
    try {
      file = filePart(upload.getItemIterator(new ServletRequestContext(request)));
    } catch (IOException e) {
      throw clientProblem(e);
    }
    if (file == null) {
      throw new InvalidRequestException(FILE_PART, "is missing: a multipart body carries the file in a part named 'file'");
    }
    try (InputStream in = file.openStream()) {
      return store(sender, file.getName(), file.getContentType(), in);
    }
  }

  /** The first part named {@code file}; the parts before it are read past. */
  private static FileItemStream filePart(FileItemIterator items) throws IOException {
    while (items.hasNext()) {
      FileItemStream item = items.next();
      if (FILE_PART.equals(item.getFieldName())) {
        return item;
      }
    }
    return null;
  }

  private Attachment store(String sender, String filename, String declaredType, InputStream body) throws IOException {
    try {
      return attachments.upload(sender, filename, declaredType, new ClientBody(body));
    } catch (AttachmentTooLargeException e) {
      throw AttachmentProblem.tooLarge(e.getMessage());
    } catch (AttachmentTypeException e) {
      throw AttachmentProblem.unsupportedType(e.getMessage());
    } catch (UnreadableBody e) {
      throw clientProblem(e.getCause());
    }
  }

  /** What reading the client's body failed with: over the multipart limit (413), or malformed or cut short (400). */
  private RuntimeException clientProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SizeException) {
        return AttachmentProblem.tooLarge("the body is over the " + maxBytes
            + " bytes an attachment may have (herald.attachments.max-size)");
      }
    }
    return new InvalidRequestException(FILE_PART, "could not be read: " + e.getMessage());
  }

  private static MediaType contentType(HttpServletRequest request) {
    String header = request.getContentType();
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return MediaType.parseMediaType(header);
    } catch (InvalidMediaTypeException e) {
      throw new InvalidRequestException(HttpHeaders.CONTENT_TYPE, "is not a media type: " + e.getMessage());
    }
  }

  private static String dispositionFilename(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.CONTENT_DISPOSITION);
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return ContentDisposition.parse(header).getFilename();
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(HttpHeaders.CONTENT_DISPOSITION, "is malformed: " + e.getMessage());
    }
  }

  /** A failure to read what the client sent: the client's fault (a 400), not the store's (a 500). */
  static final class UnreadableBody extends IOException {
    UnreadableBody(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** The client's bytes, whose read failures are {@link UnreadableBody}. */
  private static final class ClientBody extends FilterInputStream {
    ClientBody(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw new UnreadableBody(e);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return super.read(buffer, offset, length);
      } catch (IOException e) {
        throw new UnreadableBody(e);
      }
    }
  }
}
