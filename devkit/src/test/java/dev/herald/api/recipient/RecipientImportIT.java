package dev.herald.api.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.activities.recipient.Recipients;
import dev.herald.api.HeraldIntegrationTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Bulk import over REST: JSON lines and CSV with bad rows, and 100,000 rows streamed. */
class RecipientImportIT extends HeraldIntegrationTest {

  static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");
  static final MediaType CSV = MediaType.parseMediaType("text/csv");

  @Autowired Recipients recipients;

  @Test
  void jsonLinesReportCreatedUpdatedAndRejectedRows() {
    put("imp-j-known");
    String body = """
        {"id":"imp-j-1","name":"One","email":"one@example.com"}
        {"id":"imp-j-known","locale":"ko-KR"}
        {"id":"imp-j-2","timeZone":"Nowhere/Else"}
        {"id":"imp-j-3","email":
        """;

    var response = importBody(body, JSON_LINES);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("created", 1).containsEntry("updated", 1).containsEntry("rejected", 2);
    assertThat(rejections(response)).satisfiesExactly(
        r -> assertThat(r).containsEntry("line", 3).hasEntrySatisfying("reason", v -> assertThat((String) v).startsWith("timeZone:")),
        r -> assertThat(r).containsEntry("line", 4).hasEntrySatisfying("reason", v -> assertThat((String) v).startsWith("not JSON")));
    assertThat(recipients.find(ADMIN_SENDER, "imp-j-known").orElseThrow().locale()).isEqualTo("ko-KR");
  }

  @Test
  void csvRowsWithExtraColumnsBecomeAttributesAndBadRowsAreReported() {
    String body = """
        id,name,email,phone,team
        imp-c-1,"Hopper, Grace",grace@example.com,+14155550123,navy
        imp-c-2,Bad email,grace@,,
        imp-c-3,Bad phone,,123,
        imp-c-4,Fine,,,
        """;

    var response = importBody(body, CSV);

    assertThat(response.getBody()).containsEntry("created", 2).containsEntry("updated", 0).containsEntry("rejected", 2);
    assertThat(rejections(response)).extracting(r -> r.get("line")).containsExactly(3, 4);
    assertThat(get("/api/v1/recipients/imp-c-1").getBody()).containsEntry("name", "Hopper, Grace")
        .containsEntry("attributes", Map.of("team", "navy"));
  }

  @Test
  void anotherContentTypeIsUnsupported() {
    var response = importBody("{}", MediaType.APPLICATION_JSON);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }

  @Test
  void aHundredThousandRowsStreamInBatches(TestReporter report) {
    int rows = 100_000;
    long started = System.nanoTime();
    var response = http().post().uri("/api/v1/recipients/import").contentType(JSON_LINES)
        .body(new InputStreamResource(new GeneratedRows(rows)))
        .retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.getBody()).containsEntry("created", rows).containsEntry("updated", 0).containsEntry("rejected", 0);
    assertThat(recipients.find(ADMIN_SENDER, "bulk-099999")).isPresent();
    report.publishEntry("importMillis", Long.toString(elapsedMillis));
  }

  /** Rows made as they are read: the body is never whole in memory. */
  static final class GeneratedRows extends InputStream {
    private final int rows;
    private int next;
    private byte[] line = new byte[0];
    private int position;

    GeneratedRows(int rows) {
      this.rows = rows;
    }

    @Override
    public int read() {
      if (position == line.length) {
        if (next == rows) {
          return -1;
        }
        String id = String.format("bulk-%06d", next++);
        line = ("{\"id\":\"" + id + "\",\"name\":\"Bulk " + id + "\",\"email\":\"" + id
            + "@example.com\",\"locale\":\"en-US\",\"attributes\":{\"n\":" + next + "}}\n").getBytes(StandardCharsets.UTF_8);
        position = 0;
      }
      return line[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      int count = 0;
      while (count < length) {
        int b = read();
        if (b < 0) {
          return count == 0 ? -1 : count;
        }
        buffer[offset + count++] = (byte) b;
      }
      return count;
    }
  }

  private void put(String id) {
    http().put().uri("/api/v1/recipients/{id}", id).contentType(MediaType.APPLICATION_JSON).body("{}").retrieve()
        .toBodilessEntity();
  }

  private ResponseEntity<Map<String, Object>> importBody(String body, MediaType type) {
    return http().post().uri("/api/v1/recipients/import").contentType(type).body(body)
        .retrieve().toEntity(new ParameterizedTypeReference<>() {});
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rejections(ResponseEntity<Map<String, Object>> response) {
    return (List<Map<String, Object>>) response.getBody().get("rejections");
  }
}
