package dev.herald.activities.email;

import dev.herald.activities.channel.ProviderSendException;
import static dev.herald.activities.email.EmailFixtures.message;
import static dev.herald.activities.email.EmailFixtures.senderTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.herald.workflows.messages.DeliveryErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Server replies GreenMail cannot give (rejections), and connection counts, from {@link FakeSmtpServer}. */
class SmtpRejectionTest {

  @ParameterizedTest(name = "RCPT {0} / DATA {1} -> {2} {3}")
  @CsvSource(delimiter = '|', textBlock = """
      550 5.1.1 <alice@example.com>: User unknown     | 250 2.0.0 OK                        | INVALID_ADDRESS      | smtp-550
      553 5.1.3 Bad recipient address syntax          | 250 2.0.0 OK                        | INVALID_ADDRESS      | smtp-553
      451 4.3.0 Mailbox temporarily unavailable       | 250 2.0.0 OK                        | PROVIDER_UNAVAILABLE | smtp-451
      452 4.2.2 Mailbox full                          | 250 2.0.0 OK                        | PROVIDER_UNAVAILABLE | smtp-452
      250 2.1.5 OK                                    | 554 5.7.1 Message rejected as spam  | MESSAGE_REJECTED     | smtp-554
      250 2.1.5 OK                                    | 451 4.7.1 Try again later           | PROVIDER_UNAVAILABLE | smtp-451
      """)
  void serverRejectionIsClassifiedByItsReplyCode(String rcptReply, String dataReply, DeliveryErrorType expected,
      String providerCode) throws Exception {
    try (var server = new FakeSmtpServer(rcptReply, dataReply); var sender = senderTo(server.port(), 1)) {
      ProviderSendException e = catchThrowableOfType(ProviderSendException.class,
          () -> sender.send(message("notification-n1/email/0")));

      assertThat(e.type()).isEqualTo(expected);
      assertThat(e.type().retryable()).isEqualTo(expected == DeliveryErrorType.PROVIDER_UNAVAILABLE);
      assertThat(e.providerCode()).isEqualTo(providerCode);
      assertThat(e.getMessage()).contains(providerCode.substring("smtp-".length()));
    }
  }

  @Test
  void sequentialSendsReuseOnePooledConnection() throws Exception {
    try (var server = new FakeSmtpServer(FakeSmtpServer.OK, FakeSmtpServer.OK); var sender = senderTo(server.port(), 4)) {
      for (int i = 0; i < 20; i++) {
        sender.send(message("notification-n1/email/" + i));
      }

      assertThat(server.accepted()).isEqualTo(20);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void concurrentSendsOpenNoMoreConnectionsThanThePoolSize() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try (var server = new FakeSmtpServer(FakeSmtpServer.OK, FakeSmtpServer.OK); var sender = senderTo(server.port(), 2)) {
      List<Future<String>> sends = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        var message = message("notification-n1/email/" + i);
        sends.add(callers.submit(() -> sender.send(message)));
      }
      for (Future<String> send : sends) {
        send.get(10, TimeUnit.SECONDS);
      }

      assertThat(server.accepted()).isEqualTo(40);
      assertThat(server.connections()).isBetween(1, 2);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void rejectedRecipientKeepsTheConnectionForTheNextSend() throws Exception {
    try (var server = FakeSmtpServer.rejectingRecipients("550 5.1.1 User unknown");
        var sender = senderTo(server.port(), 1)) {
      for (int i = 0; i < 3; i++) {
        var e = catchThrowableOfType(ProviderSendException.class, () -> sender.send(message("notification-n1/email/0")));
        assertThat(e.type()).isEqualTo(DeliveryErrorType.INVALID_ADDRESS);
      }

      assertThat(server.connections()).isEqualTo(1);
    }
  }
}
