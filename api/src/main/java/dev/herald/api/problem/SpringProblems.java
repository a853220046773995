package dev.herald.api.problem;

import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.JsonProblems;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Spring MVC's own errors in the catalog's types and the caller's words: never its messages, which name its classes. */
final class SpringProblems {

  private SpringProblems() {}

  static ProblemDetail of(Exception e, HttpStatusCode status) {
    if (e instanceof MissingServletRequestParameterException missing) {
      return InvalidRequest.of(List.of(new FieldViolation(missing.getParameterName(), "is required")));
    }
    if (e instanceof MissingRequestHeaderException missing) {
      return InvalidRequest.of(List.of(new FieldViolation(missing.getHeaderName() + " (header)", "is required")));
    }
    if (e instanceof NoResourceFoundException) {
      return ProblemType.NOT_FOUND.detail("there is nothing at this path; the API is under /api/v1 (docs/api.md)");
    }
    if (e instanceof HttpRequestMethodNotSupportedException method) {
      return ProblemType.METHOD_NOT_ALLOWED.detail(method.getMethod() + " is not allowed here; allowed: "
          + String.join(", ", method.getSupportedMethods() == null ? new String[0] : method.getSupportedMethods()));
    }
    if (e instanceof HttpMediaTypeNotSupportedException media) {
      return ProblemType.UNSUPPORTED_MEDIA_TYPE.detail("the body must be " + types(media.getSupportedMediaTypes())
          + (media.getContentType() == null ? "; Content-Type is missing" : ""));
    }
    if (e instanceof HttpMediaTypeNotAcceptableException acceptable) {
      return ProblemType.NOT_ACCEPTABLE.detail("this call answers with " + types(acceptable.getSupportedMediaTypes())
          + " (and problems with application/problem+json)");
    }
    if (e instanceof MaxUploadSizeExceededException) {
      return ProblemType.BODY_TOO_LARGE.detail(BodyTooLargeException.DETAIL);
    }
    ProblemType type = ProblemType.of(status);
    return type.detail(type.title());
  }

  static FieldViolation typeMismatch(MethodArgumentTypeMismatchException e) {
    return new FieldViolation(e.getName(), JsonProblems.notA(e.getRequiredType()));
  }

  /**
   * Field errors by their path ({@code recipientIds[2]}, {@code defaults.email}), which is the JSON
   * path for records, in the order of the body's fields (Bean Validation reports in no order).
   */
  static List<FieldViolation> violations(Errors result) {
    Object body = result instanceof BindingResult binding ? binding.getTarget()
        : result instanceof ParameterErrors errors ? errors.getArgument() : null;
    List<String> order = body != null && body.getClass().isRecord()
        ? Arrays.stream(body.getClass().getRecordComponents()).map(RecordComponent::getName).toList()
        : List.of();
    List<FieldViolation> violations = new ArrayList<>();
    result.getFieldErrors().stream()
        .sorted(Comparator.comparing((FieldError error) -> position(order, error.getField()))
            .thenComparing(FieldError::getField))
        .forEach(error -> violations.add(new FieldViolation(error.getField(), message(error))));
    result.getGlobalErrors().forEach(error -> violations.add(new FieldViolation("(body)", message(error))));
    return violations;
  }

  static List<FieldViolation> violations(HandlerMethodValidationException e) {
    List<FieldViolation> violations = new ArrayList<>();
    e.getParameterValidationResults().forEach(result -> {
      if (result instanceof ParameterErrors body) {
        violations.addAll(violations(body));
        return;
      }
      String name = result.getMethodParameter().getParameterName();
      result.getResolvableErrors().forEach(error -> violations.add(new FieldViolation(name, message(error))));
    });
    e.getCrossParameterValidationResults().forEach(error -> violations.add(new FieldViolation("(request)", message(error))));
    return violations;
  }

  private static int position(List<String> order, String path) {
    int index = order.indexOf(path.split("[.\\[]", 2)[0]);
    return index < 0 ? order.size() : index;
  }

  private static String message(MessageSourceResolvable error) {
    return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
  }

  private static String types(List<MediaType> types) {
    return types.stream().map(MediaType::toString).distinct().collect(Collectors.joining(" or "));
  }
}
