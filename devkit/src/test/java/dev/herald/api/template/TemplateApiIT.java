package dev.herald.api.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Templates over REST: create, versions, publish, preview (Korean too), delete; bad input as RFC 9457 problems. */
class TemplateApiIT extends HeraldIntegrationTest {

  static final String VERSION_ONE = """
      {"defaults":{
         "email":{"from":"shop@example.com","subject":"Order {{order.id}} shipped",
                  "html":"<p>Hi {{name}}, {{#items}}<b>{{.}}</b> {{/items}}shipped</p>","text":"Hi {{name}}"},
         "sms":{"from":"+15550001111","body":"{{name}}: order {{order.id}} shipped"},
         "voice":{"from":"+15550001111","script":"Hello {{name}}","voice":"Polly.Joanna","language":"en-US"},
         "push":{"title":"Shipped","body":"Order {{order.id}}","icon":"https://example.com/i.png",
                 "link":"https://example.com/o/{{order.id}}","data":{"orderId":"{{order.id}}"}},
         "inApp":{"title":"Shipped","body":"{{name}}, order {{order.id}} shipped","link":"/orders/{{order.id}}"},
         "slack":{"text":"*Shipped:* {{name}}, order <https://example.com/o/{{order.id}}|{{order.id}}>"}},
       "locales":{
         "ko":{"email":{"subject":"{{name}}님, 주문 {{order.id}}이(가) 발송되었습니다","text":"{{name}}님 안녕하세요"},
               "sms":{"body":"[헤럴드] {{name}}님, 주문 {{order.id}} 발송"},
               "slack":{"text":"*발송 완료:* {{name}}님, 주문 {{order.id}}"}},
         "ko-KR":{"sms":{"body":"[헤럴드 한국] {{name}}님, 주문 {{order.id}} 발송"}}}}""";

  @Test
  void aTemplateIsCreatedReadListedAndItsKeyIsTakenOnce() {
    var created = post("/api/v1/templates", "{\"key\":\"it-order-shipped\",\"owner\":\"it-lister\",\"description\":\"Order shipped\"}");
    var again = post("/api/v1/templates", "{\"key\":\"it-order-shipped\",\"owner\":\"it-other\"}");
    post("/api/v1/templates", "{\"key\":\"it-order-paid\",\"owner\":\"it-lister\"}");
    post("/api/v1/templates", "{\"key\":\"it-statement\",\"owner\":\"it-bank\"}");

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/templates/it-order-shipped");
    assertThat(created.getBody()).containsEntry("key", "it-order-shipped").containsEntry("owner", "it-lister")
        .containsEntry("description", "Order shipped").containsEntry("versions", List.of()).containsKey("createdAt");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody()).containsEntry("type", "/problems/wrong-state");
    assertThat(get("/api/v1/templates/it-order-shipped").getBody()).containsEntry("owner", "it-lister");
    assertThat(list("/api/v1/templates?owner=it-lister")).extracting(t -> t.get("key"))
        .containsExactly("it-order-paid", "it-order-shipped");
    assertThat(get("/api/v1/templates/it-nothing-here").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void versionsArePublishedAndTheOldOneStaysAsHistory() {
    post("/api/v1/templates", "{\"key\":\"it-welcome\",\"owner\":\"it-shop\"}");

    var first = post("/api/v1/templates/it-welcome/versions", VERSION_ONE);
    var second = post("/api/v1/templates/it-welcome/versions", "{\"defaults\":{\"sms\":{\"body\":\"v2 {{name}}\"}}}");
    var publishedOne = post("/api/v1/templates/it-welcome/versions/1/publish", "");
    var publishedTwo = post("/api/v1/templates/it-welcome/versions/2/publish", "");

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(first.getHeaders().getLocation()).hasPath("/api/v1/templates/it-welcome/versions/1");
    assertThat(first.getBody()).containsEntry("version", 1).containsEntry("active", false);
    assertThat(second.getBody()).containsEntry("version", 2);
    assertThat(publishedOne.getBody()).containsEntry("activeVersion", 1);
    assertThat(publishedTwo.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> template = get("/api/v1/templates/it-welcome").getBody();
    assertThat(template).containsEntry("activeVersion", 2);
    assertThat((Map<String, Object>) template.get("active")).containsEntry("version", 2)
        .containsEntry("defaults", Map.of("sms", Map.of("body", "v2 {{name}}")));
    assertThat((List<Map<String, Object>>) template.get("versions")).satisfiesExactly(
        v1 -> assertThat(v1).containsEntry("version", 1).containsEntry("active", false).containsKey("publishedAt")
            .containsEntry("channels", List.of("EMAIL", "SMS", "VOICE", "PUSH", "IN_APP", "SLACK"))
            .containsEntry("locales", List.of("ko", "ko-KR")),
        v2 -> assertThat(v2).containsEntry("version", 2).containsEntry("active", true));
    var stored = get("/api/v1/templates/it-welcome/versions/1").getBody();
    assertThat((Map<String, Object>) stored.get("locales")).containsKeys("ko", "ko-KR");
  }

  @Test
  void previewRendersKoreanContentWithTheLocaleFallback() {
    post("/api/v1/templates", "{\"key\":\"it-preview-ko\",\"owner\":\"it-shop\"}");
    post("/api/v1/templates/it-preview-ko/versions", VERSION_ONE);
    post("/api/v1/templates/it-preview-ko/versions/1/publish", "");
    String variables = "\"variables\":{\"name\":\"김민수\",\"order\":{\"id\":\"주문-42\"},\"items\":[\"차 & 컵\",\"<b>\"]}";

    var sms = post("/api/v1/templates/it-preview-ko/preview", "{\"locale\":\"ko-KR\",\"channel\":\"SMS\"," + variables + "}");
    var all = post("/api/v1/templates/it-preview-ko/preview", "{\"locale\":\"ko-KR\"," + variables + "}");

    assertThat(sms.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(sms.getBody()).containsEntry("key", "it-preview-ko").containsEntry("version", 1)
        .containsEntry("locale", "ko-KR").containsEntry("locales", Map.of("SMS", "ko-KR"));
    assertThat(content(sms)).containsOnlyKeys("sms")
        .containsEntry("sms", Map.of("from", "+15550001111", "body", "[헤럴드 한국] 김민수님, 주문 주문-42 발송"));
    Map<String, Object> email = (Map<String, Object>) content(all).get("email");
    assertThat(email).containsEntry("subject", "김민수님, 주문 주문-42이(가) 발송되었습니다")
        .containsEntry("text", "김민수님 안녕하세요").containsEntry("from", "shop@example.com").doesNotContainKey("html");
    assertThat(content(all)).containsKeys("email", "sms", "voice", "push", "inApp", "slack");
    assertThat(content(all)).containsEntry("slack", Map.of("text", "*발송 완료:* 김민수님, 주문 주문-42"));
    assertThat((Map<String, Object>) content(all).get("push")).containsEntry("data", Map.of("orderId", "주문-42"));
    assertThat(all.getBody()).containsEntry("locales",
        Map.of("EMAIL", "ko", "SMS", "ko-KR", "VOICE", "default", "PUSH", "default", "IN_APP", "default", "SLACK", "ko"));
  }

  @Test
  void previewEscapesHtmlOnlyInEmailHtmlAndRendersADraftByVersion() {
    post("/api/v1/templates", "{\"key\":\"it-preview-draft\",\"owner\":\"it-shop\"}");
    post("/api/v1/templates/it-preview-draft/versions", VERSION_ONE);
    String variables = "\"variables\":{\"name\":\"Ada & <Bob>\",\"order\":{\"id\":\"A-1\"},\"items\":[\"Tea\",\"<Cup>\"]}";

    var unpublished = post("/api/v1/templates/it-preview-draft/preview", "{" + variables + "}");
    var draft = post("/api/v1/templates/it-preview-draft/preview", "{\"version\":1," + variables + "}");

    assertThat(unpublished.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    Map<String, Object> email = (Map<String, Object>) content(draft).get("email");
    assertThat(email).containsEntry("html", "<p>Hi Ada &amp; &lt;Bob&gt;, <b>Tea</b> <b>&lt;Cup&gt;</b> shipped</p>")
        .containsEntry("text", "Hi Ada & <Bob>");
    assertThat((Map<String, Object>) content(draft).get("sms")).containsEntry("body", "Ada & <Bob>: order A-1 shipped");
  }

  @Test
  void aMissingVariableIsNamedInTheProblem() {
    post("/api/v1/templates", "{\"key\":\"it-preview-missing\",\"owner\":\"it-shop\"}");
    post("/api/v1/templates/it-preview-missing/versions", VERSION_ONE);

    var response = post("/api/v1/templates/it-preview-missing/preview",
        "{\"version\":1,\"channel\":\"EMAIL\",\"locale\":\"ko\",\"variables\":{\"name\":\"김민수\"}}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).containsEntry("type", "/problems/invalid-request");
    assertThat(violations(response)).containsExactly(
        Map.of("field", "variables.order.id", "message", "missing variable 'order.id' in email.subject"));
  }

  @Test
  void aChannelTheVersionLacksIsNamed() {
    post("/api/v1/templates", "{\"key\":\"it-sms-only\",\"owner\":\"it-shop\"}");
    post("/api/v1/templates/it-sms-only/versions", "{\"defaults\":{\"sms\":{\"body\":\"hi\"}}}");

    var response = post("/api/v1/templates/it-sms-only/preview", "{\"version\":1,\"channel\":\"VOICE\"}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(violations(response)).singleElement().satisfies(v -> assertThat(v).containsEntry("field", "channel"));
  }

  @Test
  void onlyATemplateWithoutAnActiveVersionCanBeDeleted() {
    post("/api/v1/templates", "{\"key\":\"it-delete-me\",\"owner\":\"it-shop\"}");
    post("/api/v1/templates/it-delete-me/versions", "{\"defaults\":{\"sms\":{\"body\":\"hi\"}}}");
    post("/api/v1/templates", "{\"key\":\"it-live\",\"owner\":\"it-shop\"}");
    post("/api/v1/templates/it-live/versions", "{\"defaults\":{\"sms\":{\"body\":\"hi\"}}}");
    post("/api/v1/templates/it-live/versions/1/publish", "");

    assertThat(delete("/api/v1/templates/it-delete-me").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(delete("/api/v1/templates/it-delete-me").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    var live = delete("/api/v1/templates/it-live");
    assertThat(live.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(live.getBody()).containsEntry("type", "/problems/wrong-state");
    assertThat(get("/api/v1/templates/it-live").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aBadKeyAndABlankOwnerAreNamed() {
    var response = post("/api/v1/templates", "{\"key\":\"Order Shipped\",\"owner\":\" \"}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(violations(response)).extracting(v -> v.get("field")).containsExactly("key", "owner");
  }

  @Test
  void aTemplateWithoutOwnerIsTheSendersAndHiddenFromOthers() {
    String key = senderKey("it-tpl-owner");
    var created = http(key).post().uri("/api/v1/templates").contentType(MediaType.APPLICATION_JSON)
        .body("{\"key\":\"it-owned\"}").retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});
    var claimed = http(key).post().uri("/api/v1/templates").contentType(MediaType.APPLICATION_JSON)
        .body("{\"key\":\"it-claimed\",\"owner\":\"someone-else\"}").retrieve().toBodilessEntity();

    assertThat(created.getBody()).containsEntry("owner", "it-tpl-owner");
    assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http(senderKey("it-tpl-other")).get().uri("/api/v1/templates/it-owned").retrieve().toBodilessEntity()
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http(senderKey("it-tpl-other")).get().uri("/api/v1/templates?owner=it-tpl-owner").retrieve()
        .body(String.class)).isEqualTo("[]");
  }

  @Test
  void anInvalidVersionNamesEachField() {
    post("/api/v1/templates", "{\"key\":\"it-bad-version\",\"owner\":\"it-shop\"}");

    var response = post("/api/v1/templates/it-bad-version/versions", """
        {"defaults":{"email":{"html":"<p>{{#open}}</p>","text":"{{> footer}}"},"sms":{"from":"+1555"},"slack":{}},
         "locales":{"not a locale":{"sms":{"body":"x"}},"ko":{}}}""");
    var empty = post("/api/v1/templates/it-bad-version/versions", "{}");
    var unknownField = post("/api/v1/templates/it-bad-version/versions", "{\"defaults\":{\"fax\":{\"body\":\"x\"}}}");
    var noTemplate = post("/api/v1/templates/it-no-such/versions", "{\"defaults\":{\"sms\":{\"body\":\"x\"}}}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(violations(response)).extracting(v -> v.get("field")).containsExactlyInAnyOrder(
        "defaults.email.subject", "defaults.email.html", "defaults.email.text", "defaults.sms.body",
        "defaults.slack.text", "locales.not a locale", "locales.ko");
    assertThat(violations(empty)).extracting(v -> v.get("field")).containsExactly("defaults");
    assertThat(violations(unknownField)).singleElement().satisfies(v -> assertThat(v).containsEntry("field", "defaults.fax"));
    assertThat(noTemplate.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("/api/v1/templates/it-bad-version").getBody()).containsEntry("versions", List.of());
  }

  @Test
  void publishingAnUnknownVersionIsNotFound() {
    post("/api/v1/templates", "{\"key\":\"it-publish-unknown\",\"owner\":\"it-shop\"}");

    var response = post("/api/v1/templates/it-publish-unknown/versions/3/publish", "");
    var notANumber = post("/api/v1/templates/it-publish-unknown/versions/latest/publish", "");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody()).containsEntry("detail", "template 'it-publish-unknown' has no version 3");
    assertThat(notANumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private static Map<String, Object> content(ResponseEntity<Map<String, Object>> response) {
    return (Map<String, Object>) response.getBody().get("content");
  }

  private List<Map<String, Object>> list(String path) {
    return http().get().uri(path).retrieve().body(new ParameterizedTypeReference<List<Map<String, Object>>>() {});
  }

  private ResponseEntity<Map<String, Object>> delete(String path) {
    return http().delete().uri(path).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON).retrieve()
        .toEntity(new ParameterizedTypeReference<>() {});
  }

  private static List<Map<String, Object>> violations(ResponseEntity<Map<String, Object>> response) {
    return (List<Map<String, Object>>) response.getBody().get("errors");
  }
}
