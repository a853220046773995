package dev.herald.api.openapi;

import dev.herald.api.problem.ProblemType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The RFC 9457 problem as a schema, its {@code type} listing the catalog ({@link ProblemType}): described once, here. */
final class ProblemSchema {

  static final String NAME = "ProblemDetail";
  static final String REF = "#/components/schemas/" + NAME;

  private ProblemSchema() {}

  static void addTo(OpenAPI openApi) {
    Schema<Object> violation = new Schema<>().type("object")
        .description("one field that is wrong, named by its JSON path (e.g. recipients[2].email) or parameter")
        .addProperty("field", new Schema<>().type("string"))
        .addProperty("message", new Schema<>().type("string"))
        .required(List.of("field", "message"));
    String catalog = Arrays.stream(ProblemType.values())
        .map(type -> "- `" + type.uri() + "` (" + type.status().value() + ", " + type.title() + "): " + type.when())
        .collect(Collectors.joining("\n"));
    Schema<Object> problem = new Schema<>().type("object")
        .description("An RFC 9457 problem (application/problem+json). Its types:\n" + catalog)
        .addProperty("type", new Schema<>().type("string").format("uri-reference")
            ._enum(Arrays.stream(ProblemType.values()).map(type -> (Object) type.uri().toString()).toList()))
        .addProperty("title", new Schema<>().type("string"))
        .addProperty("status", new Schema<>().type("integer").format("int32"))
        .addProperty("detail", new Schema<>().type("string"))
        .addProperty("instance", new Schema<>().type("string").format("uri-reference"))
        .addProperty("errors", new Schema<>().type("array").items(violation)
            .description("with invalid-request, idempotency-key-reused, group-exists, device-deactivated: each field"))
        .addProperty("notificationId", new Schema<>().type("string")
            .description("with idempotency-key-reused: the notification the key was first used for"))
        .required(List.of("type", "title", "status", "detail"));
    if (openApi.getComponents().getSchemas() == null) {
      openApi.getComponents().setSchemas(new java.util.LinkedHashMap<>());
    }
    Map<String, Schema> schemas = openApi.getComponents().getSchemas();
    schemas.put(NAME, problem);
  }
}
