package dev.herald.api.openapi;

import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.problem.ProblemType;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

/**
 * Each operation's problems as {@code application/problem+json} responses with the ProblemDetail
 * schema: those every call may answer, those with a body may, and the operation's own
 * ({@link ProblemResponses}). One response per status, naming each type it may carry.
 */
class ProblemResponsesCustomizer implements OperationCustomizer {

  static final Set<ProblemType> EVERY_OPERATION =
      EnumSet.of(ProblemType.INVALID_REQUEST, ProblemType.NOT_ACCEPTABLE, ProblemType.INTERNAL_ERROR);
  static final Set<ProblemType> WITH_A_BODY =
      EnumSet.of(ProblemType.BODY_TOO_LARGE, ProblemType.UNSUPPORTED_MEDIA_TYPE);

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    Set<ProblemType> types = EnumSet.copyOf(EVERY_OPERATION);
    if (operation.getRequestBody() != null || readsABody(handler)) {
      types.addAll(WITH_A_BODY);
    }
    ProblemResponses own = handler.getMethodAnnotation(ProblemResponses.class);
    if (own != null) {
      types.addAll(Arrays.asList(own.value()));
    }
    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    types.stream().collect(Collectors.groupingBy(type -> type.status().value(), java.util.TreeMap::new,
            Collectors.toList()))
        .forEach((status, ofStatus) -> responses.addApiResponse(String.valueOf(status), response(ofStatus)));
    operation.setResponses(responses);
    return operation;
  }

  static ApiResponse response(List<ProblemType> types) {
    List<String> described = new ArrayList<>();
    for (ProblemType type : types) {
      described.add(type.title() + " (`" + type.uri() + "`): " + type.when());
    }
    return new ApiResponse().description(String.join("; or ", described))
        .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            new MediaType().schema(new Schema<>().$ref(ProblemSchema.REF))));
  }

  /** A body read as a stream (the recipient import) is a body too, though no parameter says so. */
  private static boolean readsABody(HandlerMethod handler) {
    return Arrays.stream(handler.getMethodParameters())
        .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class) || java.io.InputStream.class == p.getParameterType());
  }
}
