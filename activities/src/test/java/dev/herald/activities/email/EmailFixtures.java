package dev.herald.activities.email;

import dev.herald.activities.preference.links.LinkProperties;
import dev.herald.activities.preference.links.PreferenceLinks;
import dev.herald.activities.preference.links.PublicUrl;
import java.time.Duration;
import org.springframework.mock.env.MockEnvironment;

/** Messages, settings and senders shared by the email tests. */
final class EmailFixtures {

  static final String FROM = "Herald <herald@example.com>";
  static final String MESSAGE_ID_DOMAIN = "herald.example.com";

  private EmailFixtures() {}

  static EmailMessage message(String deliveryId, String to) {
    return new EmailMessage(deliveryId, "notification-n1", to, "Your invoice is ready", "Invoice #42 is ready.");
  }

  static EmailMessage message(String deliveryId) {
    return message(deliveryId, "alice@example.com");
  }

  static EmailProperties properties(int connections) {
    return new EmailProperties(FROM, MESSAGE_ID_DOMAIN,
        new EmailProperties.Smtp(null, 0, null, null, false, connections, Duration.ofSeconds(5)));
  }

  /** A sender to a plain (no auth, no TLS) SMTP server on this machine. */
  static SmtpEmailSender senderTo(int port, int connections) {
    return new SmtpEmailSender(new SmtpServer("127.0.0.1", port, null, null, false), properties(connections));
  }

  /** Preference links with no keys nor public URL: none are made. */
  static PreferenceLinks noLinks() {
    return new PreferenceLinks(new LinkProperties(null, null, null), new PublicUrl(new MockEnvironment()));
  }
}
