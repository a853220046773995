package dev.herald.api.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.xml.MappingJackson2XmlHttpMessageConverter;
import org.springframework.http.converter.yaml.MappingJackson2YamlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API speaks JSON only. Jackson's XML module is on the classpath for Twilio's TwiML, its YAML
 * module for the OpenAPI library; without this, a browser (Accept: application/xml) would get XML
 * answers and a YAML body would be read as a request.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyConfig implements WebMvcConfigurer {

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.removeIf(converter -> converter instanceof MappingJackson2XmlHttpMessageConverter
        || converter instanceof MappingJackson2YamlHttpMessageConverter);
  }
}
