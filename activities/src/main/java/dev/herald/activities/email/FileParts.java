package dev.herald.activities.email;

import dev.herald.activities.channel.AttachedFile;
import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An email's attachment as a MIME part whose bytes are read from the blob store while the message is written to
 * the SMTP connection, base64 on the way: nothing of the file is held in memory.
 */
final class FileParts {

  private FileParts() {}

  static MimeBodyPart of(AttachedFile file) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new Streamed(file)));
    part.setDisposition(Part.ATTACHMENT);
    part.setFileName(HeaderText.oneLine(file.filename()));
    // set before the message is saved, which would otherwise read the whole file to choose an encoding
    part.setHeader("Content-Transfer-Encoding", "base64");
    return part;
  }

  /** The file as Jakarta Activation reads it: opened anew each time it is written, closed by the writer. */
  private record Streamed(AttachedFile file) implements DataSource {

    @Override
    public InputStream getInputStream() throws IOException {
      return file.open();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
      throw new IOException("an attachment is read-only");
    }

    @Override
    public String getContentType() {
      return file.contentType();
    }

    @Override
    public String getName() {
      return file.filename();
    }
  }
}
