package dev.herald.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * What Tomcat refuses before the application sees the request (a path with {@code %zz}, a malformed
 * request line) is a problem of the catalog too, instead of its HTML error page: the host's error
 * report valve (Boot's included) gives way to one that writes {@code application/problem+json}.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        for (Valve valve : host.getPipeline().getValves()) {
          if (valve instanceof ErrorReportValve) {
            host.getPipeline().removeValve(valve);
          }
        }
        // the host makes its own at start, by this class name
        host.setErrorReportValveClass(ProblemReportValve.class.getName());
      }
    });
  }

  /** After Boot's own customizer, which adds the valve this one replaces. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Made by Tomcat by its name: public, with no arguments. */
  public static final class ProblemReportValve extends ErrorReportValve {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int code = response.getStatus();
      HttpStatus status = HttpStatus.resolve(code);
      if (code < 400 || status == null || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      ProblemType type = ProblemType.of(status);
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", type.uri().toString());
      problem.put("title", type.title());
      problem.put("status", code);
      problem.put("detail", type == ProblemType.INTERNAL_ERROR
          ? "something went wrong on our side; the error was logged" : "the request is not valid HTTP");
      try {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
        response.finishResponse();
      } catch (IOException | IllegalStateException e) {
        // the client is gone, or the response was taken: nothing more to say to it
      }
    }
  }
}
