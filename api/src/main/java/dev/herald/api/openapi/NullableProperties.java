package dev.herald.api.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Properties not required may be {@code null}: Herald's JSON writes an absent value as null (a
 * delivery without {@code lastError}) and reads null as absent. OpenAPI 3.1 says so with a type list
 * ({@code ["string","null"]}), or {@code anyOf} null for a reference; springdoc does not add it itself.
 */
final class NullableProperties {

  private NullableProperties() {}

  static void apply(OpenAPI openApi) {
    if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
      return;
    }
    openApi.getComponents().getSchemas().forEach((name, schema) -> {
      if (!ProblemSchema.NAME.equals(name)) {
        apply(schema);
      }
    });
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void apply(Schema<?> schema) {
    Map<String, Schema> properties = schema.getProperties();
    if (properties == null) {
      return;
    }
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    properties.replaceAll((name, property) -> required.contains(name) ? property : nullable(property));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema nullable(Schema property) {
    if (property.get$ref() != null) {
      Schema ref = new Schema().$ref(property.get$ref());
      Schema nullType = new Schema();
      nullType.addType("null");
      Schema either = new Schema();
      either.setAnyOf(List.of(ref, nullType));
      if (property.getDescription() != null) {
        either.setDescription(property.getDescription());
      }
      return either;
    }
    Set<String> types = property.getTypes() != null ? new LinkedHashSet<>(property.getTypes())
        : property.getType() != null ? new LinkedHashSet<>(List.of(property.getType())) : null;
    if (types != null) {
      types.add("null");
      property.setTypes(types);
      if (property.getEnum() != null && !property.getEnum().contains(null)) {
        property.addEnumItemObject(null);
      }
    }
    return property;
  }
}
