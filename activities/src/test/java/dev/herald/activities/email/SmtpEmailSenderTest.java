package dev.herald.activities.email;

import dev.herald.activities.channel.AttachedFile;
import dev.herald.activities.channel.ProviderSendException;
import static dev.herald.activities.email.EmailFixtures.message;
import static dev.herald.activities.email.EmailFixtures.properties;
import static dev.herald.activities.email.EmailFixtures.senderTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.herald.workflows.messages.DeliveryErrorType;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SMTP sender against GreenMail, a real SMTP server in this JVM. */
class SmtpEmailSenderTest {

  private static final long MAIL_WAIT_MS = 5_000;

  @RegisterExtension
  static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private SmtpEmailSender sender;

  @BeforeEach
  void connectToGreenMail() {
    sender = senderTo(greenMail.getSmtp().getPort(), 2);
  }

  @AfterEach
  void closeSender() {
    sender.close();
  }

  @Test
  void sentMailArrivesWithAddressesSubjectBodyAndHeraldHeaders() throws Exception {
    String returned = sender.send(message("notification-n1/email/0", "alice@example.com"));

    assertThat(greenMail.waitForIncomingEmail(MAIL_WAIT_MS, 1)).isTrue();
    MimeMessage mail = greenMail.getReceivedMessages()[0];
    assertThat(mail.getFrom()).extracting(Object::toString).containsExactly(EmailFixtures.FROM);
    assertThat(mail.getRecipients(RecipientType.TO)).extracting(Object::toString).containsExactly("alice@example.com");
    assertThat(mail.getSubject()).isEqualTo("Your invoice is ready");
    assertThat(((String) mail.getContent()).strip()).isEqualTo("Invoice #42 is ready.");
    assertThat(mail.getHeader(SmtpEmailSender.NOTIFICATION_HEADER)).containsExactly("notification-n1");
    assertThat(mail.getHeader(SmtpEmailSender.DELIVERY_HEADER)).containsExactly("notification-n1/email/0");
    assertThat(mail.getMessageID())
        .isEqualTo(MessageIds.of("notification-n1/email/0", EmailFixtures.MESSAGE_ID_DOMAIN))
        .isEqualTo(returned);
  }

  @Test
  void blankCredentialsFromEmptyEnvironmentVariablesMeanNoAuthentication() throws Exception {
    var server = new SmtpServer("127.0.0.1", greenMail.getSmtp().getPort(), "", "", false);
    try (var unauthenticated = new SmtpEmailSender(server, properties(1))) {
      unauthenticated.send(message("notification-n1/email/9", "noauth@example.com"));
    }

    assertThat(server.authenticates()).isFalse();
    assertThat(greenMail.waitForIncomingEmail(MAIL_WAIT_MS, 1)).isTrue();
  }

  @Test
  void retriedSendKeepsTheMessageIdOfTheDelivery() throws Exception {
    String first = sender.send(message("notification-n1/email/3"));
    String retried = sender.send(message("notification-n1/email/3"));

    assertThat(greenMail.waitForIncomingEmail(MAIL_WAIT_MS, 2)).isTrue();
    assertThat(retried).isEqualTo(first);
    assertThat(greenMail.getReceivedMessages()).extracting(MimeMessage::getMessageID).containsOnly(first);
  }

  @Test
  void koreanAndEmojiSubjectAndBodyRoundTrip() throws Exception {
    String subject = "결제 완료 안내 ✅ 🎉";
    String body = "안녕하세요, 주문하신 상품이 발송되었습니다. 🚚📦\n감사합니다!";

    sender.send(new EmailMessage("notification-n1/email/1", "notification-n1", "minji@example.com", subject, body));

    assertThat(greenMail.waitForIncomingEmail(MAIL_WAIT_MS, 1)).isTrue();
    MimeMessage mail = greenMail.getReceivedMessages()[0];
    assertThat(mail.getSubject()).isEqualTo(subject);
    assertThat(((String) mail.getContent()).replace("\r\n", "\n").stripTrailing()).isEqualTo(body);
  }

  @Test
  void anUnsubscribeLinkArrivesAsListUnsubscribeWithTheOneClickPostHeaderInLinesOfLegalLength() throws Exception {
    String url = "https://herald.example.com/unsubscribe/k1." + "a".repeat(120) + ".b";
    String mailto = "mailto:unsubscribe@example.com?subject=unsubscribe%20k1." + "a".repeat(120) + ".b";

    sender.send(new EmailMessage("notification-n1/email/10", "notification-n1", "ada@example.com", "News", "b", null,
        null, new ListUnsubscribe(url, mailto)));
    sender.send(new EmailMessage("notification-n1/email/11", "notification-n1", "bo@example.com", "News", "b"));

    assertThat(greenMail.waitForIncomingEmail(MAIL_WAIT_MS, 2)).isTrue();
    MimeMessage mail = greenMail.getReceivedMessages()[0];
    assertThat(jakarta.mail.internet.MimeUtility.unfold(mail.getHeader("List-Unsubscribe", ",")))
        .isEqualTo("<" + url + ">, <" + mailto + ">");
    assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    mail.writeTo(raw);
    assertThat(raw.toString(StandardCharsets.US_ASCII).split("\r\n")).allSatisfy(line -> assertThat(line).hasSizeLessThan(999));
    assertThat(greenMail.getReceivedMessages()[1].getHeader("List-Unsubscribe")).as("a message without a link").isNull();
  }

  @Test
  void textAndHtmlArriveAsAlternativesEachInTheEncodingItsTextNeedsWithADate() throws Exception {
    String text = "Grüße, Ada!\nIhre Bestellung ist unterwegs.";
    String html = "<p>" + "Hello Ada. ".repeat(120) + "</p>";
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    sender.send(new EmailMessage("notification-n1/email/2", "notification-n1", "ada@example.com", "Shipped", text, html, null));

    assertThat(greenMail.waitForIncomingEmail(MAIL_WAIT_MS, 1)).isTrue();
    MimeMessage mail = greenMail.getReceivedMessages()[0];
    assertThat(mail.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    BodyPart plain = parts.getBodyPart(0);
    BodyPart rich = parts.getBodyPart(1);
    assertThat(plain.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat(plain.getHeader("Content-Transfer-Encoding")).containsExactly("quoted-printable");
    assertThat(((String) plain.getContent()).replace("\r\n", "\n")).isEqualTo(text);
    assertThat(rich.getContentType()).startsWith("text/html");
    assertThat(rich.getHeader("Content-Transfer-Encoding")).as("a line over 998 characters").containsExactly("quoted-printable");
    assertThat(((String) rich.getContent()).replace("\r\n", "\n")).isEqualTo(html);
    assertThat(mail.getSentDate().toInstant()).isBetween(before, Instant.now());
  }

  @Test
  void anAttachmentFollowsTheAlternativesAsAFileReadOnceWhileTheMessageIsWritten() throws Exception {
    byte[] file = new byte[2 * 1024 * 1024 + 7];
    for (int i = 0; i < file.length; i++) {
      file[i] = (byte) (i * 7 + i / 1024);
    }
    AtomicInteger opens = new AtomicInteger();
    AttachedFile report = new AttachedFile("Bericht März.pdf", "application/pdf", file.length, () -> {
      opens.incrementAndGet();
      return new ByteArrayInputStream(file);
    });

    sender.send(new EmailMessage("notification-n1/email/3", "notification-n1", "ada@example.com", "Report", "See the file.",
        "<p>See the file.</p>", null, null, List.of(report)));

    assertThat(opens).as("opened once, when the message was written").hasValue(1);
    assertThat(greenMail.waitForIncomingEmail(MAIL_WAIT_MS, 1)).isTrue();
    MimeMessage mail = greenMail.getReceivedMessages()[0];
    assertThat(mail.getContentType()).startsWith("multipart/mixed");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
    BodyPart attached = parts.getBodyPart(1);
    assertThat(attached.getDisposition()).isEqualToIgnoringCase(BodyPart.ATTACHMENT);
    assertThat(MimeUtility.decodeText(attached.getFileName())).isEqualTo("Bericht März.pdf");
    assertThat(attached.getContentType()).startsWith("application/pdf");
    assertThat(attached.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    try (var in = attached.getInputStream()) {
      assertThat(sha256.digest(in.readAllBytes())).isEqualTo(MessageDigest.getInstance("SHA-256").digest(file));
    }
  }

  @Test
  void fiftySendsAllArriveOverPooledConnections() throws Exception {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      ids.add(sender.send(message("notification-n1/email/" + i, "user" + i + "@example.com")));
    }

    assertThat(greenMail.waitForIncomingEmail(MAIL_WAIT_MS, 50)).isTrue();
    assertThat(ids).hasSize(50);
    assertThat(greenMail.getReceivedMessages()).extracting(MimeMessage::getMessageID)
        .containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void unreachableServerIsARetryableProviderUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    try (SmtpEmailSender unreachable = senderTo(closedPort, 1)) {
      ProviderSendException e = catchThrowableOfType(ProviderSendException.class,
          () -> unreachable.send(message("notification-n1/email/0")));

      assertThat(e.type()).isEqualTo(DeliveryErrorType.PROVIDER_UNAVAILABLE);
      assertThat(e.type().retryable()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"no-at-sign", "two@@example.com", "spaces in@example.com", "bob@", "<alice@example.com", "",
      "alice@example.com, bob@example.com", "undisclosed-recipients:;"})
  void malformedAddressIsAPermanentInvalidAddress(String to) {
    ProviderSendException e = catchThrowableOfType(ProviderSendException.class,
        () -> sender.send(message("notification-n1/email/0", to)));

    assertThat(e.type()).isEqualTo(DeliveryErrorType.INVALID_ADDRESS);
    assertThat(e.type().retryable()).isFalse();
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void invalidFromAddressIsRejectedAtStartUp() {
    var props = properties(1);
    var invalid = new EmailProperties("not an address", props.messageIdDomain(), props.smtp());

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SmtpEmailSender(new SmtpServer("127.0.0.1", 25, null, null, false), invalid))
        .withMessageContaining("herald.email.from");
  }

  @Test
  void anInternationalDomainGoesOutInIdnaForm() throws Exception {
    sender.send(message("notification-n1/email/4", "ada@bücher.de"));

    assertThat(greenMail.waitForIncomingEmail(MAIL_WAIT_MS, 1)).isTrue();
    MimeMessage mail = greenMail.getReceivedMessages()[0];
    assertThat(mail.getRecipients(RecipientType.TO)).extracting(Object::toString).containsExactly("ada@xn--bcher-kva.de");
    assertThat(rawLines(mail)).allSatisfy(line -> assertThat(line.chars()).allMatch(c -> c < 0x80));
  }

  @Test
  void aSubjectWithoutSpacesLongerThanAHeaderLineIsFoldedAsEncodedWords() throws Exception {
    String subject = "x".repeat(998);

    sender.send(new EmailMessage("notification-n1/email/5", "notification-n1", "ada@example.com", subject, "b"));

    assertThat(greenMail.waitForIncomingEmail(MAIL_WAIT_MS, 1)).isTrue();
    MimeMessage mail = greenMail.getReceivedMessages()[0];
    assertThat(rawLines(mail)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(HeaderText.MAX_LINE));
    assertThat(mail.getSubject()).isEqualTo(subject);
  }

  @Test
  void aSubjectWithLineBreaksGoesOutAsOneLine() throws Exception {
    sender.send(new EmailMessage("notification-n1/email/6", "notification-n1", "ada@example.com",
        "Hello\r\nBcc: eve@example.com", "b"));

    assertThat(greenMail.waitForIncomingEmail(MAIL_WAIT_MS, 1)).isTrue();
    MimeMessage mail = greenMail.getReceivedMessages()[0];
    assertThat(mail.getSubject()).isEqualTo("Hello  Bcc: eve@example.com");
    assertThat(mail.getHeader("Bcc")).isNull();
  }

  @Test
  void aMailboxNameBeyondAsciiIsAPermanentFailureWhereTheServerOffersNoSmtpUtf8() throws Exception {
    try (FakeSmtpServer plain = FakeSmtpServer.offering(); SmtpEmailSender toPlain = senderTo(plain.port(), 1)) {
      ProviderSendException e = catchThrowableOfType(ProviderSendException.class,
          () -> toPlain.send(message("notification-n1/email/7", "müller@example.com")));

      assertThat(e.type()).isEqualTo(DeliveryErrorType.INVALID_ADDRESS);
      assertThat(e.providerCode()).isEqualTo(SmtpEmailSender.NO_SMTPUTF8);
      assertThat(e.getMessage()).contains("SMTPUTF8");
      assertThat(plain.accepted()).isZero();
    }
  }

  @Test
  void aMailboxNameBeyondAsciiGoesOutWithSmtpUtf8WhereTheServerOffersIt() throws Exception {
    try (FakeSmtpServer utf8 = FakeSmtpServer.offering("SMTPUTF8", "8BITMIME");
        SmtpEmailSender toUtf8 = senderTo(utf8.port(), 1)) {
      toUtf8.send(message("notification-n1/email/8", "müller@bücher.de"));

      assertThat(utf8.accepted()).isEqualTo(1);
      assertThat(utf8.envelope()).anySatisfy(line -> assertThat(line).startsWith("MAIL FROM:").contains("SMTPUTF8"))
          .anySatisfy(line -> assertThat(line).isEqualTo("RCPT TO:<müller@xn--bcher-kva.de>"));
    }
  }

  @Test
  void aTemplatesFromLongerThanAHeaderLineIsAPermanentRejection() {
    EmailMessage message = new EmailMessage("notification-n1/email/9", "notification-n1", "ada@example.com", "s", "b",
        null, "x".repeat(1000) + " <shop@example.com>");

    ProviderSendException e = catchThrowableOfType(ProviderSendException.class, () -> sender.send(message));

    assertThat(e.type()).isEqualTo(DeliveryErrorType.MESSAGE_REJECTED);
    assertThat(e.providerCode()).isEqualTo("from-too-long");
  }

  /** The message as it travelled, line by line. */
  private static List<String> rawLines(MimeMessage mail) throws Exception {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    mail.writeTo(raw);
    return List.of(raw.toString(StandardCharsets.UTF_8).split("\r\n"));
  }
}
