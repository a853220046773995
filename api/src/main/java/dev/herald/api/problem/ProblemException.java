package dev.herald.api.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ProblemDetail;

/**
 * An error the API answers with a problem of the catalog: each feature's exception names its
 * {@link ProblemType}; its message is the problem's detail, its properties extra members
 * ({@code errors}, {@code notificationId}).
 */
public abstract class ProblemException extends RuntimeException {

  private final ProblemType type;
  private final transient Map<String, Object> properties = new LinkedHashMap<>();

  protected ProblemException(ProblemType type, String detail) {
    super(detail);
    this.type = type;
  }

  protected ProblemException(ProblemType type, String detail, Throwable cause) {
    super(detail, cause);
    this.type = type;
  }

  protected final void property(String name, Object value) {
    properties.put(name, value);
  }

  public ProblemType type() {
    return type;
  }

  /** The problem's detail: the message, unless a subclass words it for HTTP. */
  protected String detail() {
    return getMessage();
  }

  ProblemDetail problem() {
    ProblemDetail problem = type.detail(detail());
    properties.forEach(problem::setProperty);
    return problem;
  }
}
