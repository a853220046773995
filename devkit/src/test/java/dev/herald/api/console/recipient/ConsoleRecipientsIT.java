package dev.herald.api.console.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.api.HeraldIntegrationTest;
import dev.herald.api.console.ConsoleClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * The console's Recipients page: search by the start of an id, create and edit by the API's rules,
 * delete after a second step, import a file through the page's endpoint; a sender's own only.
 */
class ConsoleRecipientsIT extends HeraldIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void searchFindsTheSendersRecipientsByTheStartOfTheirId() {
    String key = senderKey("con-rec-search");
    put(key, "crs-ada", "{\"name\":\"Ada\"}");
    put(key, "crs-adam", "{\"name\":\"Adam\"}");
    put(key, "crs-bob", "{\"name\":\"Bob\"}");
    put(senderKey("con-rec-search-other"), "crs-adele", "{\"name\":\"Adele\"}");
    ConsoleClient browser = signedIn(key);

    HttpResponse<String> found = browser.get("/console/recipients?q=crs-ad");

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body()).contains(">crs-ada<", ">crs-adam<", "Adam").doesNotContain("crs-bob", "crs-adele");
    assertThat(browser.get("/console/recipients?q=crs-x").body()).contains("No recipient id starts with");
    HttpResponse<String> unsearchable = browser.get("/console/recipients?q=crs%E2%80%A8x");
    assertThat(unsearchable.statusCode()).isEqualTo(400);
    assertThat(unsearchable.body()).contains("id=\"q-error\"").containsPattern("id=\"q\"[^>]*aria-invalid=\"true\"");
  }

  @Test
  void searchFindsARecipientByItsEmailInAnyCaseOrItsPhone() {
    String key = senderKey("con-rec-address");
    put(key, "cra-ada", "{\"email\":\"Ada.Search@example.com\",\"phone\":\"+14155550142\"}");
    put(key, "cra-bob", "{\"email\":\"bob.search@example.com\"}");
    put(senderKey("con-rec-address-other"), "cra-other", "{\"email\":\"ada.search@example.com\"}");
    ConsoleClient browser = signedIn(key);

    assertThat(browser.get("/console/recipients?q=ada.search%40EXAMPLE.com").body()).contains(">cra-ada<")
        .doesNotContain("cra-bob", "cra-other");
    assertThat(browser.get("/console/recipients?q=%2B14155550142").body()).contains(">cra-ada<").doesNotContain("cra-bob");
  }

  @Test
  void aKoreanNameAndLocaleRoundTripThroughTheForm() {
    String key = senderKey("con-rec-ko");
    ConsoleClient browser = signedIn(key);
    browser.get("/console/recipients/new");

    HttpResponse<String> created = browser.post("/console/recipients/new", Map.of("id", "crk-1", "name", "김하늘",
        "locale", "ko-kr", "timeZone", "Asia/Seoul", "email", "haneul@example.com", "attributes", "{\"등급\": \"골드\"}"));

    assertThat(created.statusCode()).isEqualTo(302);
    String edit = location(created);
    assertThat(edit).isEqualTo("/console/recipients/edit?id=crk-1");
    assertThat(browser.get(edit).body()).contains("Recipient crk-1 created.", "value=\"김하늘\"", "value=\"ko-KR\"");
    assertThat(recipient(key, "crk-1")).containsEntry("name", "김하늘").containsEntry("locale", "ko-KR")
        .containsEntry("timeZone", "Asia/Seoul").containsEntry("attributes", Map.of("등급", "골드"));

    HttpResponse<String> saved = browser.post(edit, Map.of("name", "이하늘", "locale", "ko", "email", "haneul@example.kr",
        "phone", "+821012345678"));

    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(browser.get(location(saved)).body()).contains("Recipient crk-1 saved.", "value=\"이하늘\"");
    assertThat(recipient(key, "crk-1")).containsEntry("name", "이하늘").containsEntry("locale", "ko")
        .containsEntry("email", "haneul@example.kr").containsEntry("phone", "+821012345678")
        .containsEntry("timeZone", null).containsEntry("attributes", Map.of());
  }

  @Test
  void anInvalidEmailIsA400WithTheErrorBesideTheFieldAndNothingSaved() {
    String key = senderKey("con-rec-invalid");
    put(key, "cri-kept", "{\"email\":\"kept@example.com\"}");
    ConsoleClient browser = signedIn(key);
    browser.get("/console/recipients/new");

    HttpResponse<String> refused = browser.post("/console/recipients/new", Map.of("id", "cri-new", "name", "New",
        "email", "not-an-address", "attributes", "[1]"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"email-error\"", "id=\"attributes-error\"", "must be a JSON object")
        .containsPattern("id=\"email\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"email-error\"")
        .contains("value=\"not-an-address\"", "value=\"New\"");
    assertThat(http(key).get().uri("/api/v1/recipients/cri-new").retrieve().toBodilessEntity().getStatusCode().value())
        .isEqualTo(404);

    browser.get("/console/recipients/edit?id=cri-kept");
    HttpResponse<String> notSaved = browser.post("/console/recipients/edit?id=cri-kept", Map.of("email", "kept@"));

    assertThat(notSaved.statusCode()).isEqualTo(400);
    assertThat(notSaved.body()).contains("id=\"email-error\"");
    assertThat(recipient(key, "cri-kept")).containsEntry("email", "kept@example.com");
  }

  @Test
  void aNewRecipientMayNotTakeTheIdOfOneThatIsThere() {
    String key = senderKey("con-rec-taken");
    put(key, "crt-1", "{\"name\":\"First\"}");
    ConsoleClient browser = signedIn(key);
    browser.get("/console/recipients/new");

    HttpResponse<String> refused = browser.post("/console/recipients/new", Map.of("id", "crt-1", "name", "Second"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"id-error\"", "is taken");
    assertThat(recipient(key, "crt-1")).containsEntry("name", "First");
  }

  @Test
  void aCsvImportedThroughThePageStoresTheGoodLinesAndReportsTheBadOneByItsLine() throws Exception {
    String key = senderKey("con-rec-import");
    ConsoleClient browser = signedIn(key);
    browser.get("/console/recipients");
    String csv = """
        id,name,locale,email,team
        cri-imp-1,박지민,ko-KR,jimin@example.com,blue
        cri-imp-2,Bad,,jimin@,red
        cri-imp-3,"Hopper, Grace",en,grace@example.com,
        """;

    HttpResponse<String> imported = browser.postBody("/console/recipients/import", "text/csv",
        csv.getBytes(StandardCharsets.UTF_8));

    assertThat(imported.statusCode()).isEqualTo(200);
    Map<String, Object> result = JSON.readValue(imported.body(), new TypeReference<>() {});
    assertThat(result).containsEntry("created", 2).containsEntry("updated", 0).containsEntry("rejected", 1);
    assertThat((List<?>) result.get("rejections")).singleElement().satisfies(r -> {
      assertThat(((Map<?, ?>) r).get("line")).isEqualTo(3);
      assertThat((String) ((Map<?, ?>) r).get("reason")).startsWith("email:");
    });
    assertThat(recipient(key, "cri-imp-1")).containsEntry("name", "박지민").containsEntry("attributes", Map.of("team", "blue"));
    assertThat(recipient(key, "cri-imp-3")).containsEntry("name", "Hopper, Grace");
    assertThat(http(key).get().uri("/api/v1/recipients/cri-imp-2").retrieve().toBodilessEntity().getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void jsonLinesImportThroughThePageToo() throws Exception {
    String key = senderKey("con-rec-import-jsonl");
    ConsoleClient browser = signedIn(key);
    browser.get("/console/recipients");

    HttpResponse<String> imported = browser.postBody("/console/recipients/import", "application/x-ndjson",
        "{\"id\":\"crj-1\",\"name\":\"하나\"}\n{\"id\":\"crj-2\",\"timeZone\":\"Mars/Base\"}\n".getBytes(StandardCharsets.UTF_8));

    Map<String, Object> result = JSON.readValue(imported.body(), new TypeReference<>() {});
    assertThat(result).containsEntry("created", 1).containsEntry("rejected", 1);
    assertThat(recipient(key, "crj-1")).containsEntry("name", "하나");
  }

  @Test
  void deletingTakesASecondStep() {
    String key = senderKey("con-rec-delete");
    put(key, "crd-1", "{\"name\":\"Gone soon\"}");
    ConsoleClient browser = signedIn(key);

    HttpResponse<String> confirm = browser.get("/console/recipients/delete?id=crd-1");
    assertThat(confirm.body()).contains("Delete recipient crd-1?", ">Delete</button>");
    assertThat(recipient(key, "crd-1")).containsEntry("name", "Gone soon");

    HttpResponse<String> deleted = browser.post("/console/recipients/delete?id=crd-1", Map.of());

    assertThat(deleted.statusCode()).isEqualTo(302);
    assertThat(browser.get(location(deleted)).body()).contains("Recipient crd-1 deleted.");
    assertThat(http(key).get().uri("/api/v1/recipients/crd-1").retrieve().toBodilessEntity().getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void anotherSendersRecipientIsNotFound() {
    String owner = senderKey("con-rec-owner");
    put(owner, "cro-1", "{\"name\":\"Mine\"}");
    ConsoleClient other = signedIn(senderKey("con-rec-stranger"));
    other.get("/console/recipients");

    assertThat(other.get("/console/recipients/edit?id=cro-1").statusCode()).isEqualTo(404);
    assertThat(other.get("/console/recipients/delete?id=cro-1").statusCode()).isEqualTo(404);
    assertThat(other.post("/console/recipients/edit?id=cro-1", Map.of("name", "Theirs")).statusCode()).isEqualTo(404);
    assertThat(other.post("/console/recipients/delete?id=cro-1", Map.of()).statusCode()).isEqualTo(404);
    assertThat(other.get("/console/recipients?q=cro-").body()).doesNotContain(">cro-1<");
    assertThat(other.get("/console/recipients?owner=con-rec-owner").statusCode()).isEqualTo(400);
    assertThat(recipient(owner, "cro-1")).containsEntry("name", "Mine");
  }

  @Test
  void anAdminWorksOnASendersRecipientsByNamingTheOwner() {
    String owner = senderKey("con-rec-admin-owner");
    put(owner, "cra-1", "{\"name\":\"Theirs\"}");
    ConsoleClient admin = signedIn(ADMIN_KEY);

    assertThat(admin.get("/console/recipients?q=cra-").body()).doesNotContain(">cra-1<");
    assertThat(admin.get("/console/recipients?q=cra-&owner=con-rec-admin-owner").body())
        .contains("Recipients of con-rec-admin-owner", ">cra-1<");
    admin.get("/console/recipients/edit?id=cra-1&owner=con-rec-admin-owner");
    HttpResponse<String> saved = admin.post("/console/recipients/edit?id=cra-1&owner=con-rec-admin-owner",
        Map.of("name", "Renamed by an admin"));

    assertThat(location(saved)).isEqualTo("/console/recipients/edit?id=cra-1&owner=con-rec-admin-owner");
    assertThat(recipient(owner, "cra-1")).containsEntry("name", "Renamed by an admin");
  }

  @Test
  void aBrowserNotSignedInIsSentToSignIn() {
    HttpResponse<String> page = new ConsoleClient(port).get("/console/recipients");

    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(location(page)).startsWith("/console/sign-in?next=");
  }

  private ConsoleClient signedIn(String key) {
    ConsoleClient browser = new ConsoleClient(port);
    assertThat(browser.signIn(key).statusCode()).isEqualTo(302);
    return browser;
  }

  private void put(String key, String id, String json) {
    var response = http(key).put().uri("/api/v1/recipients/{id}", id).contentType(MediaType.APPLICATION_JSON).body(json)
        .retrieve().toBodilessEntity();
    assertThat(response.getStatusCode().is2xxSuccessful()).as(response.toString()).isTrue();
  }

  private Map<String, Object> recipient(String key, String id) {
    return http(key).get().uri("/api/v1/recipients/{id}", id).retrieve()
        .body(new ParameterizedTypeReference<Map<String, Object>>() {});
  }

  private static String location(HttpResponse<String> response) {
    String location = response.headers().firstValue("Location").orElseThrow();
    return location.substring(location.indexOf("/console"));
  }
}
