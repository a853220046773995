package dev.herald.api.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.xml.MappingJackson2XmlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API speaks JSON only. Jackson's XML module is on the classpath for Twilio's TwiML; without
 * this, a browser (Accept: application/xml) would get XML answers.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyConfig implements WebMvcConfigurer {

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.removeIf(MappingJackson2XmlHttpMessageConverter.class::isInstance);
  }
}
