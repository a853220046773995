package dev.herald.devkit.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.herald.activities.email.EmailConfig;
import dev.herald.activities.email.SmtpServer;
import dev.herald.devkit.outbox.EmailOutbox;
import dev.herald.devkit.fault.SimulatorFaults;
import dev.herald.devkit.simulator.smtp.SmtpFaultProxy;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No {@code SMTP_HOST}: a local SMTP sink (GreenMail) that keeps every mail in memory; the real
 * SMTP client talks to it and {@code GET /api/v1/dev/outbox} shows what it received.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedProperties.class)
@ConditionalOnExpression("!(" + EmailConfig.SMTP_HOST_CONFIGURED + ")")
class EmbeddedSmtpConfig {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpConfig.class);

  /** The sink itself, on a free port behind the fault proxy. */
  @Bean(destroyMethod = "stop")
  GreenMail smtpSink() {
    GreenMail sink = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    sink.start();
    return sink;
  }

  /** What clients connect to: relays to the sink, injects faults set for "smtp". */
  @Bean(destroyMethod = "close")
  SmtpFaultProxy smtpFaultProxy(EmbeddedProperties properties, GreenMail sink, SimulatorFaults faults)
      throws IOException {
    SmtpFaultProxy proxy = new SmtpFaultProxy(properties.smtpPort(), sink.getSmtp().getPort(), faults);
    log.info("SMTP: local sink on 127.0.0.1:{}; see GET /api/v1/dev/outbox (set SMTP_HOST for a real server)",
        proxy.port());
    return proxy;
  }

  @Bean
  EmailOutbox emailOutbox(GreenMail sink) {
    return new EmailOutbox(sink);
  }

  @Bean
  SmtpServer smtpSinkServer(SmtpFaultProxy proxy) {
    return new SmtpServer("127.0.0.1", proxy.port(), null, null, false);
  }
}
