package dev.herald.activities.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;

/** The recipient store on a real PostgreSQL; every test rolls back. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = NONE)
class RecipientsTest {

  private static final String OWNER = "acme";

  @Autowired Recipients recipients;

  @Test
  void putCreatesThenReplacesEveryField() {
    boolean created = recipients.put(OWNER, new RecipientData("ada", "Ada", "en-GB", "Europe/London", "ada@example.com",
        "+447700900123", "U0ADA0001", Map.of("plan", "pro", "seats", 3)));
    String slackBefore = recipients.find(OWNER, "ada").orElseThrow().slack();
    boolean createdAgain = recipients.put(OWNER, new RecipientData("ada", "Ada L.", null, null, "ada@example.org", null, null,
        null));

    assertThat(created).isTrue();
    assertThat(slackBefore).isEqualTo("U0ADA0001");
    assertThat(createdAgain).isFalse();
    assertThat(recipients.find(OWNER, "ada")).get().satisfies(ada -> {
      assertThat(ada.name()).isEqualTo("Ada L.");
      assertThat(ada.email()).isEqualTo("ada@example.org");
      assertThat(ada.locale()).isNull();
      assertThat(ada.phone()).isNull();
      assertThat(ada.slack()).isNull();
      assertThat(ada.attributes()).isEmpty();
      assertThat(ada.createdAt()).isBeforeOrEqualTo(ada.updatedAt());
    });
  }

  @Test
  void attributesKeepTheirJsonTypes() {
    recipients.put(OWNER, new RecipientData("grace", null, null, null, null, null, null,
        Map.of("seats", 3, "beta", true, "tags", List.of("a", "b"), "address", Map.of("city", "Seoul"))));

    assertThat(recipients.find(OWNER, "grace").orElseThrow().attributes()).containsEntry("seats", 3)
        .containsEntry("beta", true).containsEntry("tags", List.of("a", "b"))
        .containsEntry("address", Map.of("city", "Seoul"));
  }

  @Test
  void aBatchTellsCreatedFromUpdated() {
    recipients.put(OWNER, new RecipientData("b-2", null, null, null, null, null, null, null));

    var written = recipients.upsert(OWNER, List.of(new RecipientData("b-1", null, null, null, null, null, null, null),
        new RecipientData("b-2", "Two", null, null, null, null, null, null),
        new RecipientData("b-3", null, null, null, null, null, null, null)));

    assertThat(written).isEqualTo(new Recipients.Written(2, 1));
    assertThat(recipients.find(OWNER, "b-2").orElseThrow().name()).isEqualTo("Two");
  }

  @Test
  void pagesFollowTheIdAfterTheCursor() {
    for (String id : List.of("p-c", "p-a", "p-e", "p-b", "p-d")) {
      recipients.put(OWNER, new RecipientData(id, null, null, null, null, null, null, null));
    }

    var first = recipients.page(OWNER, "p-", 2);
    var second = recipients.page(OWNER, first.get(1).id(), 2);
    var last = recipients.page(OWNER, "p-d", 2);

    assertThat(first).extracting(StoredRecipient::id).containsExactly("p-a", "p-b");
    assertThat(second).extracting(StoredRecipient::id).containsExactly("p-c", "p-d");
    assertThat(last).extracting(StoredRecipient::id).containsExactly("p-e");
  }

  @Test
  void searchFindsTheIdsThatStartWithThePrefixPageByPage() {
    for (String id : List.of("s-b1", "s-a2", "s-a1", "s-a", "s-a\uFFFF", "s-a\uD83D\uDE00", "s-b", "s-", "s-가", "s-각")) {
      recipients.put(OWNER, new RecipientData(id, null, null, null, null, null, null, null));
    }
    recipients.put("globex", new RecipientData("s-a3", null, null, null, null, null, null, null));

    var first = recipients.search(OWNER, "s-a", null, 3);
    var rest = recipients.search(OWNER, "s-a", first.get(2).id(), 10);

    assertThat(first).extracting(StoredRecipient::id).containsExactly("s-a", "s-a1", "s-a2");
    assertThat(rest).extracting(StoredRecipient::id).containsExactly("s-a\uFFFF", "s-a\uD83D\uDE00");
    assertThat(recipients.search(OWNER, "s-가", null, 10)).extracting(StoredRecipient::id).containsExactly("s-가");
    assertThat(recipients.search(OWNER, "s-a", "s-b", 10)).isEmpty();
    assertThat(recipients.search(OWNER, "", "s-b", 10)).extracting(StoredRecipient::id).startsWith("s-b1");
  }

  @Test
  void byAddressFindsTheOwnersRecipientsWithThatEmailInAnyCaseOrThatPhone() {
    recipients.put(OWNER, new RecipientData("ad-1", null, null, null, "Ada@Example.com", null, null, null));
    recipients.put(OWNER, new RecipientData("ad-2", null, null, null, "ada@example.com", "+14155550100", null, null));
    recipients.put(OWNER, new RecipientData("ad-3", null, null, null, "bob@example.com", "+14155550101", null, null));
    recipients.put("globex", new RecipientData("ad-4", null, null, null, "ada@example.com", null, null, null));

    assertThat(recipients.byAddress(OWNER, "ADA@example.com", null, 10)).extracting(StoredRecipient::id)
        .containsExactly("ad-1", "ad-2");
    assertThat(recipients.byAddress(OWNER, "ada@example.com", "ad-1", 10)).extracting(StoredRecipient::id)
        .containsExactly("ad-2");
    assertThat(recipients.byAddress(OWNER, "+14155550101", null, 10)).extracting(StoredRecipient::id)
        .containsExactly("ad-3");
    assertThat(recipients.byAddress(OWNER, "ada@example", null, 10)).isEmpty();
  }

  @Test
  void beyondIsTheLeastStringAfterEveryIdWithThePrefix() {
    assertThat(Recipients.beyond("ab")).isEqualTo("ac");
    assertThat(Recipients.beyond("a\uD7FF")).isEqualTo("a\uE000");
    assertThat(Recipients.beyond("a\uFFFF")).isEqualTo("a\uD800\uDC00");
    assertThat(Recipients.beyond("a" + Character.toString(Character.MAX_CODE_POINT))).isEqualTo("b");
    assertThat(Recipients.beyond(Character.toString(Character.MAX_CODE_POINT))).isNull();
  }

  @Test
  void anotherOwnersIdIsAnotherRecipient() {
    recipients.put(OWNER, new RecipientData("same-id", "Ours", null, null, null, null, null, null));

    boolean created = recipients.put("globex", new RecipientData("same-id", "Theirs", null, null, null, null, null, null));

    assertThat(created).isTrue();
    assertThat(recipients.find(OWNER, "same-id").orElseThrow().name()).isEqualTo("Ours");
    assertThat(recipients.find("globex", "same-id").orElseThrow().owner()).isEqualTo("globex");
    assertThat(recipients.page("globex", null, 10)).extracting(StoredRecipient::id).containsExactly("same-id");
    assertThat(recipients.delete("globex", "same-id")).isTrue();
    assertThat(recipients.find(OWNER, "same-id")).isPresent();
  }

  @Test
  void deleteRemovesOnce() {
    recipients.put(OWNER, new RecipientData("gone", null, null, null, null, null, null, null));

    assertThat(recipients.delete(OWNER, "gone")).isTrue();
    assertThat(recipients.delete(OWNER, "gone")).isFalse();
    assertThat(recipients.find(OWNER, "gone")).isEmpty();
  }
}
