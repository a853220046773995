package dev.herald.devkit.outbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.herald.workflows.messages.Channel;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the embedded SMTP sink received, as outbox messages. */
public final class EmailOutbox implements OutboxSource {

  private final GreenMail sink;

  public EmailOutbox(GreenMail sink) {
    this.sink = sink;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public List<OutboxMessage> messages() {
    return Arrays.stream(sink.getReceivedMessages()).map(EmailOutbox::toOutbox).toList();
  }

  private static OutboxMessage toOutbox(MimeMessage message) {
    try {
      Map<String, String> headers = new LinkedHashMap<>();
      for (Header header : Collections.list(message.getAllHeaders())) {
        headers.putIfAbsent(header.getName(), header.getValue());
      }
      List<String> to = Arrays.stream(orEmpty(message.getAllRecipients())).map(Address::toString).toList();
      String from = message.getFrom() == null ? null : message.getFrom()[0].toString();
      Object content = message.getContent();
      String body = content instanceof String text ? text : GreenMailUtil.getBody(message);
      var received = message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant();
      return new OutboxMessage(Channel.EMAIL, to, from, message.getSubject(), body, headers, received);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("cannot read a captured email", e);
    }
  }

  private static Address[] orEmpty(Address[] addresses) {
    return addresses == null ? new Address[0] : addresses;
  }
}
