package dev.herald.activities.email;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SMTP client. The server is the configured one, or (all-in-one, no host set) the local sink. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailProperties.class)
public class EmailConfig {

  /** Condition shared with the embedded sink, which takes over when no host is configured. */
  public static final String SMTP_HOST_CONFIGURED = "!'${herald.email.smtp.host:}'.isBlank()";

  @Bean
  @ConditionalOnExpression(SMTP_HOST_CONFIGURED)
  SmtpServer configuredSmtpServer(EmailProperties properties) {
    var smtp = properties.smtp();
    return new SmtpServer(smtp.host(), smtp.port(), smtp.username(), smtp.password(), smtp.startTls());
  }

  @Bean(destroyMethod = "close")
  SmtpEmailSender smtpEmailSender(SmtpServer server, EmailProperties properties) {
    return new SmtpEmailSender(server, properties);
  }
}
