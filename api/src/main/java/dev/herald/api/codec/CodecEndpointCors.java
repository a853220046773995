package dev.herald.api.codec;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The Temporal UI calls the codec endpoint from the browser, from its own origin: those origins
 * ({@code herald.temporal.codec-endpoint.ui-origins}) may, with the headers the UI sends; no other
 * path of the API is opened to another origin.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CodecEndpointProperties.class)
@ConditionalOnProperty(name = CodecEndpointProperties.ENABLED, havingValue = "true")
class CodecEndpointCors implements WebMvcConfigurer {

  private final CodecEndpointProperties properties;

  CodecEndpointCors(CodecEndpointProperties properties) {
    this.properties = properties;
  }

  @Override
  public void addCorsMappings(CorsRegistry registry) {
    List<String> origins = properties.uiOrigins();
    if (!origins.isEmpty()) {
      registry.addMapping(TemporalCodecController.PATH + "/**")
          .allowedOrigins(origins.toArray(String[]::new))
          .allowedMethods("POST")
          .allowedHeaders(HttpHeaders.CONTENT_TYPE, TemporalCodecController.NAMESPACE_HEADER, HttpHeaders.AUTHORIZATION)
          .maxAge(3600);
    }
  }
}
