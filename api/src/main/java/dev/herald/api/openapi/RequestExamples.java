package dev.herald.api.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.Map;

/** Examples of the main requests (a notification to recipients, a group broadcast, a template), as docs/api.md shows them. */
final class RequestExamples {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RequestExamples() {}

  static void addTo(OpenAPI openApi) {
    add(openApi, "/api/v1/notifications", Map.of(
        "recipients", example("An email to one recipient", """
            {"idempotencyKey":"welcome-ada-1","channels":["EMAIL"],"recipients":[{"email":"ada@example.com"}],
             "subject":"Welcome","body":"Hello Ada"}"""),
        "group", example("A broadcast to a group, each member greeted by a template", """
            {"idempotencyKey":"launch-1","channels":["EMAIL","IN_APP"],"group":"beta-testers",
             "template":"launch","variables":{"product":"Herald"}}"""),
        "template", example("A template rendered per recipient, by locale", """
            {"idempotencyKey":"order-42-shipped","channels":["EMAIL","SMS"],
             "recipients":[{"id":"minji","email":"minji@example.com","phone":"+821012345678","locale":"ko-KR"}],
             "template":"order-shipped","variables":{"name":"Minji","order":{"id":42}}}""")));
    add(openApi, "/api/v1/templates", Map.of("template", example("A template (the notification type)", """
        {"key":"order-shipped","owner":"shop","description":"Sent when an order leaves the warehouse"}""")));
    add(openApi, "/api/v1/templates/{key}/versions", Map.of("version", example("A version with email and SMS parts, and a Korean variant", """
        {"defaults":{"email":{"subject":"Order {{order.id}} shipped","text":"Hello {{name}}, your order is on its way."},
                     "sms":{"body":"Order {{order.id}} shipped"}},
         "locales":{"ko":{"email":{"subject":"주문 {{order.id}} 발송","text":"{{name}}님, 주문하신 상품이 발송되었습니다."}}}}""")));
    add(openApi, "/api/v1/groups", Map.of("group", example("A recipient group", """
        {"key":"beta-testers","name":"Beta testers"}""")));
  }

  private static void add(OpenAPI openApi, String path, Map<String, Example> examples) {
    PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(path);
    Operation post = item == null ? null : item.getPost();
    if (post == null || post.getRequestBody() == null || post.getRequestBody().getContent() == null) {
      return;
    }
    MediaType json = post.getRequestBody().getContent().get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
    if (json != null) {
      examples.forEach(json::addExamples);
    }
  }

  private static Example example(String summary, String json) {
    try {
      return new Example().summary(summary).value(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an example is not JSON: " + summary, e);
    }
  }
}
