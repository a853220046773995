package dev.herald.activities.email;

import dev.herald.activities.channel.AttachedFile;
import dev.herald.activities.channel.ProviderSendException;
import dev.herald.workflows.messages.DeliveryErrorType;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/** Sends email over SMTP with Jakarta Mail, on pooled connections. */
public final class SmtpEmailSender implements EmailSender, AutoCloseable {

  public static final String NOTIFICATION_HEADER = "X-Herald-Notification-Id";
  public static final String DELIVERY_HEADER = "X-Herald-Delivery-Id";
  /** The provider code of a mailbox name beyond ASCII where the server cannot take one. */
  public static final String NO_SMTPUTF8 = "smtp-no-smtputf8";
  private static final String FROM = "From: ";

  private final Session session;
  private final SmtpConnectionPool pool;
  private final InternetAddress from;
  private final String messageIdDomain;
  private final DateHeader date = new DateHeader(Clock.systemUTC());

  public SmtpEmailSender(SmtpServer server, EmailProperties properties) {
    MailStreamProvider.skipServiceLoaderScan();
    this.session = Session.getInstance(sessionProperties(server, properties));
    this.pool = new SmtpConnectionPool(session, server, properties.smtp().connections());
    this.messageIdDomain = properties.messageIdDomain();
    try {
      this.from = new InternetAddress(properties.from(), true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("herald.email.from is not a valid address: " + properties.from(), e);
    }
  }

  @Override
  public String send(EmailMessage message) throws ProviderSendException {
    String messageId = MessageIds.of(message.deliveryId(), messageIdDomain);
    InternetAddress to = recipient(message.to());
    MimeMessage mime = compose(message, messageId, to);
    Transport transport = borrow();
    try {
      if (EmailAddresses.needsSmtpUtf8(to.getAddress()) && !offersSmtpUtf8(transport)) {
        pool.release(transport);
        throw new ProviderSendException(DeliveryErrorType.INVALID_ADDRESS, NO_SMTPUTF8,
            "the address has a mailbox name beyond ASCII and the SMTP server does not offer SMTPUTF8 (RFC 6531)", null);
      }
      transport.sendMessage(mime, new Address[] {to});
      pool.release(transport);
      return messageId;
    } catch (SendFailedException rejected) {
      pool.release(transport);
      throw classify(rejected);
    } catch (MessagingException broken) {
      pool.discard(transport);
      throw new ProviderSendException(DeliveryErrorType.PROVIDER_UNAVAILABLE, null, "SMTP failed: " + broken.getMessage(), broken);
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  private MimeMessage compose(EmailMessage message, String messageId, InternetAddress to) throws ProviderSendException {
    try {
      MimeMessage mime = new FixedIdMimeMessage(session, messageId);
      mime.setFrom(senderOf(message));
      mime.setRecipient(Message.RecipientType.TO, to);
      mime.setHeader("Subject", HeaderText.subject(message.subject()));
      mime.setHeader("Date", date.now());
      setContent(mime, message);
      mime.setHeader(NOTIFICATION_HEADER, message.notificationId());
      mime.setHeader(DELIVERY_HEADER, message.deliveryId());
      if (message.unsubscribe() != null) {
        mime.setHeader(ListUnsubscribe.HEADER, message.unsubscribe().header());
        mime.setHeader(ListUnsubscribe.POST_HEADER, ListUnsubscribe.ONE_CLICK);
      }
      mime.saveChanges();
      return mime;
    } catch (MessagingException e) {
      throw new ProviderSendException(DeliveryErrorType.MESSAGE_REJECTED, null, "cannot compose message: " + e.getMessage(), e);
    }
  }

  /**
   * Exactly one bare address with a domain ({@link EmailAddresses}), its domain in IDNA form.
   * {@code InternetAddress.parse} would also accept a list, no address at all (then refused by
   * Transport as a retryable failure) or a bare local name.
   */
  private static InternetAddress recipient(String to) throws ProviderSendException {
    Optional<String> problem = EmailAddresses.problem(to);
    if (problem.isPresent()) {
      throw new ProviderSendException(DeliveryErrorType.INVALID_ADDRESS, null, "the address " + problem.get(), null);
    }
    InternetAddress address = new InternetAddress();
    address.setAddress(EmailAddresses.onTheWire(to));
    return address;
  }

  private static boolean offersSmtpUtf8(Transport transport) {
    return transport instanceof SMTPTransport smtp && smtp.supportsExtension("SMTPUTF8");
  }

  /** The template's from address (one line, its domain in IDNA) when it names one, else the configured one. */
  private InternetAddress senderOf(EmailMessage message) throws ProviderSendException {
    if (message.from() == null) {
      return from;
    }
    InternetAddress sender;
    try {
      sender = new InternetAddress(HeaderText.oneLine(message.from()), true);
      sender.setAddress(EmailAddresses.onTheWire(sender.getAddress()));
    } catch (AddressException e) {
      throw new ProviderSendException(DeliveryErrorType.MESSAGE_REJECTED, null,
          "invalid from address in the template: " + message.from(), e);
    }
    if (FROM.length() + sender.toString().length() > HeaderText.MAX_LINE) {
      throw new ProviderSendException(DeliveryErrorType.MESSAGE_REJECTED, "from-too-long",
          "the from address in the template is longer than an email header line may be", null);
    }
    return sender;
  }

  /**
   * The text, and after it each attachment as a file (multipart/mixed) when there are any; each file's bytes are
   * read from the blob store only as the message is written to the server ({@link FileParts}).
   */
  private static void setContent(MimeMessage mime, EmailMessage message) throws MessagingException {
    if (message.attachments().isEmpty()) {
      setText(mime, message);
      return;
    }
    MimeMultipart mixed = new MimeMultipart("mixed");
    MimeBodyPart text = new MimeBodyPart();
    setText(text, message);
    mixed.addBodyPart(text);
    for (AttachedFile file : message.attachments()) {
      mixed.addBodyPart(FileParts.of(file));
    }
    mime.setContent(mixed);
  }

  /**
   * Plain text; with html, multipart/alternative (text first, html preferred by mail clients). Each
   * text part gets its transfer encoding here ({@link TransferEncoding}), after its text: setting the
   * text drops the header.
   */
  private static void setText(MimePart part, EmailMessage message) throws MessagingException {
    if (message.html() == null) {
      setText(part, message.body(), "plain");
      return;
    }
    MimeMultipart alternative = new MimeMultipart("alternative");
    if (message.body() != null) {
      MimeBodyPart text = new MimeBodyPart();
      setText(text, message.body(), "plain");
      alternative.addBodyPart(text);
    }
    MimeBodyPart html = new MimeBodyPart();
    setText(html, message.html(), "html");
    alternative.addBodyPart(html);
    part.setContent(alternative);
  }

  private static void setText(MimePart part, String text, String subtype) throws MessagingException {
    String content = text == null ? "" : text;
    part.setText(content, "UTF-8", subtype);
    part.setHeader("Content-Transfer-Encoding", TransferEncoding.of(content).header);
  }

  private Transport borrow() throws ProviderSendException {
    try {
      return pool.borrow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderSendException(DeliveryErrorType.PROVIDER_UNAVAILABLE, null, "interrupted", e);
    } catch (MessagingException e) {
      throw new ProviderSendException(DeliveryErrorType.PROVIDER_UNAVAILABLE, null, "cannot connect to SMTP server: " + e.getMessage(), e);
    }
  }

  /** 5xx replies are permanent, 4xx temporary (RFC 5321 section 4.2.1). */
  private static ProviderSendException classify(SendFailedException rejected) {
    Exception next = rejected.getNextException();
    int code = -1;
    DeliveryErrorType permanentType = DeliveryErrorType.MESSAGE_REJECTED;
    if (next instanceof SMTPAddressFailedException address) {
      code = address.getReturnCode();
      permanentType = DeliveryErrorType.INVALID_ADDRESS;
    } else if (rejected instanceof SMTPSendFailedException send) {
      code = send.getReturnCode();
    } else if (next instanceof SMTPSendFailedException send) {
      code = send.getReturnCode();
    }
    DeliveryErrorType type = code >= 500 ? permanentType : DeliveryErrorType.PROVIDER_UNAVAILABLE;
    String detail = next != null ? next.getMessage() : rejected.getMessage();
    return new ProviderSendException(type, code > 0 ? "smtp-" + code : null, detail == null ? "rejected" : detail.strip(), rejected);
  }

  private static Properties sessionProperties(SmtpServer server, EmailProperties properties) {
    String timeout = String.valueOf(properties.smtp().timeout().toMillis());
    Properties props = new Properties();
    props.put("mail.smtp.host", server.host());
    props.put("mail.smtp.port", String.valueOf(server.port()));
    props.put("mail.smtp.auth", String.valueOf(server.authenticates()));
    props.put("mail.smtp.starttls.enable", String.valueOf(server.startTls()));
    props.put("mail.smtp.starttls.required", String.valueOf(server.startTls()));
    props.put("mail.smtp.connectiontimeout", timeout);
    props.put("mail.smtp.timeout", timeout);
    props.put("mail.smtp.writetimeout", timeout);
    // UTF-8 in the envelope and headers (with SMTPUTF8 on MAIL FROM) where the server offers SMTPUTF8
    props.put("mail.mime.allowutf8", "true");
    return props;
  }

  /** Keeps the Message-ID we set; MimeMessage would otherwise generate a random one on save. */
  private static final class FixedIdMimeMessage extends MimeMessage {
    private final String messageId;

    FixedIdMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
