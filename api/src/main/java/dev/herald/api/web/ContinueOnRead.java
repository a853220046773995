package dev.herald.api.web;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers {@code Expect: 100-continue} when the body is first read, not at once: a request
 * refused before that (a body too large by its Content-Length, a missing credential) is answered
 * without its client sending the body, as curl does with large files.
 */
@Component
class ContinueOnRead implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
  }
}
