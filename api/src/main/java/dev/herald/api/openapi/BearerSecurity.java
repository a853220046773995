package dev.herald.api.openapi;

import dev.herald.activities.attachment.AttachmentLinks;
import dev.herald.api.problem.ProblemType;
import dev.herald.api.security.OpenPaths;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The bearer credential in the document: the {@code bearer} scheme (an API key or a recipient token),
 * required by every operation but the open ones ({@link OpenPaths}: {@code security: []}) and an
 * attachment's content (optional: a signed download link needs none); all but the open ones also
 * answer 401, 403 and 429 as problems.
 */
class BearerSecurity implements OpenApiCustomizer {

  static final String SCHEME = "bearer";

  private final OpenPaths openPaths;

  BearerSecurity(OpenPaths openPaths) {
    this.openPaths = openPaths;
  }

  @Override
  public void customise(OpenAPI openApi) {
    Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
    openApi.components(components.addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
        .scheme("bearer").bearerFormat("API key (hk_…) or recipient token (hrt_…)")
        .description("Authorization: Bearer <credential>: an API key (SENDER or ADMIN) or, for a recipient's inbox "
            + "and devices, a recipient token (POST /api/v1/recipients/{id}/token). docs/api.md#authentication")));
    openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
    if (openApi.getPaths() == null) {
      return;
    }
    openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
      if (openPaths.isOpen(path)) {
        operation.setSecurity(List.of());
      } else {
        if (path.equals(AttachmentLinks.PATH)) {
          operation.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList(SCHEME)));
        }
        refusals(operation);
      }
    }));
  }

  private static void refusals(Operation operation) {
    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    for (ProblemType type : List.of(ProblemType.UNAUTHORIZED, ProblemType.FORBIDDEN, ProblemType.TOO_MANY_ATTEMPTS)) {
      responses.addApiResponse(String.valueOf(type.status().value()), ProblemResponsesCustomizer.response(List.of(type)));
    }
    operation.setResponses(responses);
  }
}
