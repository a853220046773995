package dev.herald.api.console.overview;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.webjars.WebJarVersionLocator;

/**
 * uPlot (MIT, its LICENSE beside it), the overview's chart library, served from its WebJar under the
 * console's assets: bundled at build time from Maven Central, from Herald itself at run time (no CDN, and
 * within the console's Content-Security-Policy).
 */
@Configuration(proxyBeanMethods = false)
class ChartLibrary implements WebMvcConfigurer {

  static final String PATH = "/console/assets/vendor/uplot/";
  private static final String WEBJAR = "uplot";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    String version = new WebJarVersionLocator().version(WEBJAR);
    if (version == null) {
      throw new IllegalStateException("the WebJar org.webjars.npm:uplot is not on the classpath");
    }
    registry.addResourceHandler(PATH + "**")
        .addResourceLocations("classpath:/META-INF/resources/webjars/" + WEBJAR + "/" + version + "/");
  }
}
