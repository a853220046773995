package dev.herald.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document describes every endpoint of the API, with its problems, in OpenAPI 3.1. */
class OpenApiDocumentIT extends HeraldIntegrationTest {

  private static final String PROBLEM_JSON = "application/problem+json";

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping mappings;

  @Test
  void isOpenApi31WithHeraldsNameAndTheBuildsVersion() {
    Map<String, Object> document = document();

    assertThat((String) document.get("openapi")).startsWith("3.1.");
    assertThat(map(document, "info")).containsEntry("title", "Herald");
    assertThat((String) map(document, "info").get("version")).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void describesEveryControllerMappingOfTheApi() {
    Map<String, Object> paths = map(document(), "paths");
    List<String> missing = new ArrayList<>();
    mappings.getHandlerMethods().forEach((info, handler) -> {
      for (String path : info.getPatternValues()) {
        if (!path.startsWith("/api/")) {
          continue; // the provider simulators speak the vendors' APIs, not Herald's
        }
        for (RequestMethod method : info.getMethodsCondition().getMethods()) {
          Object item = paths.get(path);
          if (!(item instanceof Map<?, ?> operations) || !operations.containsKey(method.name().toLowerCase())) {
            missing.add(method + " " + path + " (" + handler.getShortLogMessage() + ")");
          }
        }
        if (info.getMethodsCondition().getMethods().isEmpty()) {
          missing.add("any method " + path + ": every mapping of the API names its methods");
        }
      }
    });

    assertThat(missing).isEmpty();
    assertThat(paths).isNotEmpty();
  }

  @Test
  void everyOperationDocumentsItsProblemsAsProblemJson() {
    List<String> wrong = new ArrayList<>();
    map(document(), "paths").forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
      Map<String, Object> responses = map((Map<String, Object>) operation, "responses");
      for (String always : List.of("400", "406", "500")) {
        if (!responses.containsKey(always)) {
          wrong.add(method + " " + path + ": no " + always);
        }
      }
      responses.forEach((status, response) -> {
        if (Integer.parseInt(status) >= 400) {
          Map<String, Object> content = map((Map<String, Object>) response, "content");
          Object schema = content.get(PROBLEM_JSON) instanceof Map<?, ?> media ? media.get("schema") : null;
          if (content.size() != 1 || !Map.of("$ref", "#/components/schemas/ProblemDetail").equals(schema)) {
            wrong.add(method + " " + path + ": " + status + " is not a ProblemDetail as " + PROBLEM_JSON);
          }
        }
      });
    }));

    assertThat(wrong).isEmpty();
  }

  @Test
  void theProblemSchemaListsEveryTypeOfTheCatalogOnce() {
    Map<String, Object> problem = map(map(map(document(), "components"), "schemas"), "ProblemDetail");
    List<Object> types = (List<Object>) map(map(problem, "properties"), "type").get("enum");

    assertThat(types).containsExactlyInAnyOrderElementsOf(
        java.util.Arrays.stream(dev.herald.api.problem.ProblemType.values()).map(t -> t.uri().toString()).toList());
  }

  @Test
  void theBearerCredentialIsRequiredByEveryOperationButTheOpenOnesAndOptionalForAttachmentContent() {
    Map<String, Object> document = document();
    Map<String, Object> scheme = map(map(map(document, "components"), "securitySchemes"), "bearer");
    Map<String, Object> paths = map(document, "paths");
    Map<String, Object> send = map(map(paths, "/api/v1/notifications"), "post");
    Map<String, Object> webhook = map(map(paths, "/api/v1/webhooks/twilio/status"), "post");
    Map<String, Object> content = map(map(paths, "/api/v1/attachments/{id}/content"), "get");

    assertThat(scheme).containsEntry("type", "http").containsEntry("scheme", "bearer");
    assertThat((List<Object>) document.get("security")).containsExactly(Map.of("bearer", List.of()));
    assertThat(send).doesNotContainKey("security");
    assertThat(map(send, "responses")).containsKeys("401", "403", "429");
    assertThat((List<Object>) webhook.get("security")).as("signed by Twilio, no key").isEmpty();
    assertThat(map(webhook, "responses")).doesNotContainKey("401");
    assertThat((List<Object>) content.get("security")).as("a signed link or a key")
        .containsExactly(Map.of(), Map.of("bearer", List.of()));
    assertThat(map(content, "responses")).containsKeys("401", "403", "410");
    assertThat(paths.toString()).as("the authenticated caller is no parameter").doesNotContain("name=caller");
  }

  @Test
  void theMainRequestsHaveExamples() {
    Map<String, Object> send = map(map(map(map(map(map(document(), "paths"), "/api/v1/notifications"), "post"),
        "requestBody"), "content"), "application/json");

    assertThat(map(send, "examples")).containsKeys("recipients", "group", "template");
  }

  @Test
  void swaggerUiIsServedInTheDevKit() {
    var response = http().get().uri("/swagger-ui/index.html").retrieve().toEntity(String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private Map<String, Object> document() {
    var response = get("/v3/api-docs");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    assertThat(parent).containsKey(key);
    return (Map<String, Object>) parent.get(key);
  }
}
