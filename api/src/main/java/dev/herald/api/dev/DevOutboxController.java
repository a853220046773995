package dev.herald.api.dev;

import com.icegreen.greenmail.util.GreenMail;
import dev.herald.activities.email.EmailConfig;
import dev.herald.workflows.messages.Channel;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dev mode only (the embedded SMTP sink runs): what the local sinks captured, so a newcomer can see
 * the message that was "sent". Absent when a real SMTP server is configured.
 */
@RestController
@RequestMapping("/api/v1/dev/outbox")
@ConditionalOnExpression("!(" + EmailConfig.SMTP_HOST_CONFIGURED + ")")
class DevOutboxController {

  private final GreenMail smtpSink;

  DevOutboxController(GreenMail smtpSink) {
    this.smtpSink = smtpSink;
  }

  @GetMapping
  List<OutboxMessage> outbox(@RequestParam(required = false) Channel channel) {
    if (channel != null && channel != Channel.EMAIL) {
      return List.of();
    }
    return EmailOutbox.read(smtpSink);
  }
}
