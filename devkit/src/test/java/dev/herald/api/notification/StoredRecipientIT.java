package dev.herald.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** A notification can name stored recipients by id; their addresses come from the recipient store. */
class StoredRecipientIT extends HeraldIntegrationTest {

  @Test
  void recipientNamedByIdIsReachedAtItsStoredAddress() {
    http().put().uri("/api/v1/recipients/stored-1").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .body("{\"name\":\"Grace\",\"email\":\"grace@it.example\",\"locale\":\"en-US\"}").retrieve().toBodilessEntity();

    var accepted = post("/api/v1/notifications", "{\"idempotencyKey\":\"stored-1\",\"channels\":[\"EMAIL\"],"
        + "\"recipients\":[{\"id\":\"stored-1\"}],\"subject\":\"Stored\",\"body\":\"Hello\"}");

    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    awaitStatus("notification-admin~stored-1", "COMPLETED");
    assertThat(mailsTo("grace@it.example")).hasSize(1);
  }

  @Test
  void unknownIdWithoutAnAddressForTheChannelIsABadRequest() {
    var response = post("/api/v1/notifications", "{\"idempotencyKey\":\"stored-2\",\"channels\":[\"EMAIL\"],"
        + "\"recipients\":[{\"id\":\"nobody-stored\"}],\"subject\":\"s\",\"body\":\"b\"}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().toString()).contains("recipients[0].email");
  }
}
