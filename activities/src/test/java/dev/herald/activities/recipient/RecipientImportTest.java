package dev.herald.activities.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import dev.herald.activities.recipient.ImportResult.Rejection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;

/** Streamed imports of JSON lines and CSV on a real PostgreSQL; every test rolls back. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = NONE)
class RecipientImportTest {

  private static final String OWNER = "acme";

  @Autowired RecipientImport importer;
  @Autowired Recipients recipients;

  @Test
  void jsonLinesCountCreatedUpdatedAndRejectedRowsWithTheirLines() throws IOException {
    recipients.put(OWNER, new RecipientData("j-known", null, null, null, null, null, null, null));
    String body = """
        {"id":"j-1","name":"One","locale":"en-US","timeZone":"America/New_York","email":"one@example.com","phone":"+14155550123","slack":"U0J1SLACK","attributes":{"plan":"pro"}}
        {"id":"j-known","email":"known@example.com"}

        {"id":"j-2","email":"not-an-address"}
        not json
        {"id":"j-3","colour":"blue"}
        {"name":"no id"}
        {"id":"j-4","phone":"555"}
        {"id":"j-5","slack":"#general"}
        """;

    ImportResult result = run(body, ImportFormat.JSON_LINES);

    assertThat(result.created()).isEqualTo(1);
    assertThat(result.updated()).isEqualTo(1);
    assertThat(result.rejected()).isEqualTo(6);
    assertThat(result.rejections()).extracting(Rejection::line).containsExactly(4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(result.rejections().get(0).reason()).startsWith("email:");
    assertThat(result.rejections().get(1).reason()).startsWith("not JSON");
    assertThat(result.rejections().get(2).reason()).startsWith("colour: unknown field");
    assertThat(result.rejections().get(3).reason()).startsWith("id: is required");
    assertThat(result.rejections().get(4).reason()).startsWith("phone:");
    assertThat(result.rejections().get(5).reason()).startsWith("slack:");
    assertThat(recipients.find(OWNER, "j-1").orElseThrow().attributes()).isEqualTo(Map.of("plan", "pro"));
    assertThat(recipients.find(OWNER, "j-1").orElseThrow().slack()).isEqualTo("U0J1SLACK");
    assertThat(recipients.find(OWNER, "j-known").orElseThrow().email()).isEqualTo("known@example.com");
  }

  @Test
  void csvExtraColumnsBecomeAttributesAndQuotedCellsMaySpanLines() throws IOException {
    String body = """
        id,name,email,phone,plan,locale,slack
        c-1,"Lovelace, Ada",ada@example.com,+14155550123,pro,en-GB,U0C1SLACK
        c-2,"Hopper
        Grace",,,,,
        c-3,Bad,nope,,,,
        c-4,Too,,,,,,many
        ,No id,,,,,
        """;

    ImportResult result = run(body, ImportFormat.CSV);

    assertThat(result.rejections()).extracting(Rejection::line).containsExactly(5L, 6L, 7L);
    assertThat(result.created()).isEqualTo(2);
    assertThat(result.rejections()).extracting(Rejection::reason).satisfiesExactly(
        reason -> assertThat(reason).startsWith("email:"),
        reason -> assertThat(reason).startsWith("has 8 columns"),
        reason -> assertThat(reason).startsWith("id:"));
    assertThat(recipients.find(OWNER, "c-1")).get().satisfies(ada -> {
      assertThat(ada.name()).isEqualTo("Lovelace, Ada");
      assertThat(ada.locale()).isEqualTo("en-GB");
      assertThat(ada.attributes()).isEqualTo(Map.of("plan", "pro"));
      assertThat(ada.slack()).isEqualTo("U0C1SLACK");
    });
    assertThat(recipients.find(OWNER, "c-2").orElseThrow().name()).isEqualTo("Hopper\nGrace");
  }

  @Test
  void anOverlongJsonLineIsRejectedAndTheNextOnesRead() throws IOException {
    String body = "{\"id\":\"long-1\"}\r\n{\"id\":\"long-2\",\"name\":\"" + "x".repeat(JsonLinesRows.MAX_LINE_CHARS)
        + "\"}\r\n{\"id\":\"long-3\"}";

    ImportResult result = run(body, ImportFormat.JSON_LINES);

    assertThat(result.created()).isEqualTo(2);
    assertThat(result.rejections()).singleElement().isEqualTo(
        new Rejection(2, "longer than " + JsonLinesRows.MAX_LINE_CHARS + " characters"));
  }

  @Test
  void malformedCsvStopsTheImportWithTheRowsBeforeKept() throws IOException {
    ImportResult result = run("id,name\nm-1,One\nm-2,\"unclosed\n", ImportFormat.CSV);

    assertThat(result.created()).isEqualTo(1);
    assertThat(result.rejections()).singleElement()
        .satisfies(r -> assertThat(r.reason()).startsWith("malformed CSV, import stopped here"));
  }

  @Test
  void csvWithoutAnIdColumnIsRejectedAtTheHeader() throws IOException {
    ImportResult result = run("name,email\nAda,ada@example.com\n", ImportFormat.CSV);

    assertThat(result.created()).isZero();
    assertThat(result.rejections()).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(1));
  }

  @Test
  void rowsAreWrittenInBatchesAndARepeatedIdUpdatesTheEarlierRow() throws IOException {
    int rows = RecipientImport.BATCH_SIZE * 2 + 3;
    String body = IntStream.range(0, rows).mapToObj(i -> "{\"id\":\"batch-" + (i % (rows - 10)) + "\"}")
        .collect(Collectors.joining("\n"));

    ImportResult result = run(body, ImportFormat.JSON_LINES);

    assertThat(result.created()).isEqualTo(rows - 10);
    assertThat(result.updated()).isEqualTo(10);
    assertThat(result.rejected()).isZero();
  }

  @Test
  void rejectionsListedAreCappedButAllCounted() throws IOException {
    int bad = RecipientImport.MAX_REJECTIONS_LISTED + 5;
    String body = IntStream.range(0, bad).mapToObj(i -> "{\"id\":\"\"}").collect(Collectors.joining("\n"));

    ImportResult result = run(body, ImportFormat.JSON_LINES);

    assertThat(result.rejected()).isEqualTo(bad);
    assertThat(result.rejections()).hasSize(RecipientImport.MAX_REJECTIONS_LISTED);
  }

  private ImportResult run(String body, ImportFormat format) throws IOException {
    return importer.run(OWNER, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), format, null);
  }
}
