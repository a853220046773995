package dev.herald.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Recipient tokens: their own inbox and devices only; an expired, tampered or another's token is refused. */
class RecipientTokenIT extends HeraldIntegrationTest {

  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

  @Test
  void aTokenReadsItsOwnInboxWithoutNamingIt() {
    var count = http(recipientToken("tok-ada")).get().uri("/api/v1/inbox/unread-count").retrieve().toEntity(MAP);

    assertThat(count.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(count.getBody()).containsEntry("recipientId", "tok-ada");
  }

  @Test
  void anotherRecipientsInboxAndDevicesAreForbidden() {
    String token = recipientToken("tok-bob");

    assertThat(http(token).get().uri("/api/v1/inbox?recipientId=tok-ada").retrieve().toBodilessEntity()
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http(token).get().uri("/api/v1/recipients/tok-ada/devices").retrieve().toBodilessEntity()
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http(token).get().uri("/api/v1/recipients/tok-bob/devices").retrieve().toBodilessEntity()
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aTokenDoesNothingElse() {
    String token = recipientToken("tok-cy");

    assertThat(http(token).get().uri("/api/v1/notifications").retrieve().toBodilessEntity().getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http(token).post().uri("/api/v1/recipients/tok-cy/token").retrieve().toBodilessEntity()
        .getStatusCode()).as("a token cannot mint tokens").isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anExpiredOrTamperedTokenIsRefused() throws InterruptedException {
    var minted = http().post().uri("/api/v1/recipients/tok-dee/token").contentType(MediaType.APPLICATION_JSON)
        .body("{\"ttl\":\"PT1S\"}").retrieve().toEntity(MAP);
    String token = (String) minted.getBody().get("token");
    String tampered = recipientToken("tok-dee").replaceFirst("\\.[^.]+\\.", "." + payloadOf(token) + ".");

    assertThat(http(tampered).get().uri("/api/v1/inbox").retrieve().toBodilessEntity().getStatusCode())
        .as("another token's payload under this signature").isEqualTo(HttpStatus.UNAUTHORIZED);
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() ->
        http(token).get().uri("/api/v1/inbox").retrieve().toBodilessEntity().getStatusCode() == HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aTokensLifeIsBounded() {
    var tooLong = http().post().uri("/api/v1/recipients/tok-eve/token").contentType(MediaType.APPLICATION_JSON)
        .body("{\"ttl\":\"P2D\"}").retrieve().toEntity(MAP);
    var byDefault = http().post().uri("/api/v1/recipients/tok-eve/token").retrieve().toEntity(MAP);

    assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooLong.getBody().get("detail").toString()).startsWith("ttl:");
    assertThat(byDefault.getBody()).containsEntry("recipientId", "tok-eve").containsKey("expiresAt");
  }

  private static String payloadOf(String token) {
    return token.split("\\.")[1];
  }
}
