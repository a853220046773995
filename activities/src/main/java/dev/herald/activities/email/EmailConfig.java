package dev.herald.activities.email;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SMTP client. The server is the configured one, or (the dev kit, no host set) the local sink; a
 * worker on its own without an SMTP host has no email channel.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailProperties.class)
public class EmailConfig {

  /** Condition shared with the embedded sink, which takes over when no host is configured. */
  public static final String SMTP_HOST_CONFIGURED = "!'${herald.email.smtp.host:}'.isBlank()";

  /** Email can be sent: to a configured server, or to the dev kit's local sink. */
  public static final String AVAILABLE = "(" + SMTP_HOST_CONFIGURED + ") or ${herald.email.local-sink:false}";

  @Bean
  @ConditionalOnExpression(SMTP_HOST_CONFIGURED)
  SmtpServer configuredSmtpServer(EmailProperties properties) {
    var smtp = properties.smtp();
    return new SmtpServer(smtp.host(), smtp.port(), smtp.username(), smtp.password(), smtp.startTls());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression(AVAILABLE)
  SmtpEmailSender smtpEmailSender(SmtpServer server, EmailProperties properties) {
    return new SmtpEmailSender(server, properties);
  }
}
