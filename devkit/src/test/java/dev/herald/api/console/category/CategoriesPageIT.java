package dev.herald.api.console.category;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.activities.preference.Categories;
import dev.herald.activities.preference.Category;
import dev.herald.api.HeraldIntegrationTest;
import dev.herald.api.console.ConsoleClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

/**
 * The admins' Categories page: describing a category and marking it critical, changing it, removing it
 * after a second step; a wrong name or description beside its field; senders kept out.
 */
class CategoriesPageIT extends HeraldIntegrationTest {

  private static final String PAGE = "/console/categories";

  @Autowired Categories categories;

  @Test
  void anAdminDescribesACategoryMarksItCriticalChangesItAndRemovesIt() {
    ConsoleClient admin = signedIn(ADMIN_KEY);
    String page = HtmlUtils.htmlUnescape(admin.get(PAGE).body());
    assertThat(page).contains("Critical", "passes opt-outs that do not name it",
        "an opt-out that names the category, and a block every sender shares (SMS STOP), still stop them");

    HttpResponse<String> added = admin.post(PAGE, Map.of("name", "cat-otp", "description", "일회용 코드, one-time codes",
        "critical", "true"));

    assertThat(added.statusCode()).isEqualTo(302);
    assertThat(categories.find("cat-otp")).hasValueSatisfying(c -> {
      assertThat(c.critical()).isTrue();
      assertThat(c.description()).isEqualTo("일회용 코드, one-time codes");
      assertThat(c.updatedBy()).startsWith("admin (");
    });
    String listed = HtmlUtils.htmlUnescape(admin.get(PAGE).body());
    assertThat(listed).contains("Added cat-otp: critical", "<code>cat-otp</code>", "일회용 코드, one-time codes");

    String editing = admin.get(PAGE + "?edit=cat-otp").body();
    assertThat(editing).contains("Change cat-otp", "Save category").containsPattern("id=\"name\"[^>]*readonly")
        .containsPattern("id=\"critical\"[^>]*checked");
    admin.post(PAGE, Map.of("name", "cat-otp", "description", ""));
    assertThat(categories.find("cat-otp")).hasValueSatisfying(c -> {
      assertThat(c.critical()).as("an unticked box").isFalse();
      assertThat(c.description()).isNull();
    });

    assertThat(admin.get(PAGE + "?remove=cat-otp").body()).contains("Remove category cat-otp?");
    assertThat(categories.find("cat-otp")).as("asking removes nothing").isPresent();
    HttpResponse<String> removed = admin.post(PAGE + "/remove", Map.of("name", "cat-otp"));
    assertThat(removed.statusCode()).isEqualTo(302);
    assertThat(categories.find("cat-otp")).isEmpty();
    assertThat(admin.get(PAGE).body()).contains("Removed cat-otp");
  }

  @Test
  void aWrongNameOrDescriptionIsShownBesideItsFieldAndNothingIsSaved() {
    ConsoleClient admin = signedIn(ADMIN_KEY);
    admin.get(PAGE);

    HttpResponse<String> refused = admin.post(PAGE, Map.of("name", "Cat Bad", "description", "bell\u0007",
        "critical", "true"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"name-error\"", "id=\"description-error\"", "value=\"Cat Bad\"",
        "must be 1-64 characters of a-z", "Nothing was sent or saved")
        .containsPattern("id=\"name\"[^>]*aria-invalid=\"true\"").containsPattern("id=\"critical\"[^>]*checked");
    assertThat(categories.list()).extracting(Category::name).doesNotContain("Cat Bad", "cat bad");
    assertThat(admin.postRaw(PAGE, Map.of("name", "cat-no-token")).statusCode()).isEqualTo(403);
    assertThat(categories.find("cat-no-token")).isEmpty();
  }

  @Test
  void aSenderNeitherSeesNorChangesCategories() {
    ConsoleClient sender = signedIn(senderKey("con-cat-sender"));

    assertThat(sender.get(PAGE).statusCode()).isEqualTo(403);
    assertThat(sender.get("/console/send").body()).doesNotContain("href=\"/console/categories\"");
    assertThat(sender.post(PAGE, Map.of("name", "cat-by-sender")).statusCode()).isEqualTo(403);
    assertThat(categories.find("cat-by-sender")).isEmpty();
  }

  private ConsoleClient signedIn(String key) {
    ConsoleClient browser = new ConsoleClient(port);
    assertThat(browser.signIn(key).statusCode()).isEqualTo(302);
    return browser;
  }
}
