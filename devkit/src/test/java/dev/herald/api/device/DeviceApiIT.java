package dev.herald.api.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.activities.push.PushDevices;
import dev.herald.api.HeraldIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Registering, listing and removing a recipient's push devices over REST; bad input as RFC 9457 problems. */
class DeviceApiIT extends HeraldIntegrationTest {

  @Autowired PushDevices devices;

  @Test
  void registeringIsIdempotentAndTheDeviceIsListed() {
    var created = register("dev-ada", "{\"token\":\"dev-ada-token:APA91b\",\"platform\":\"WEB\"}");
    var again = register("dev-ada", "{\"token\":\"dev-ada-token:APA91b\",\"platform\":\"WEB\"}");

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/recipients/dev-ada/devices/dev-ada-token:APA91b");
    assertThat(created.getBody()).containsEntry("recipientId", "dev-ada").containsEntry("token", "dev-ada-token:APA91b")
        .containsEntry("platform", "WEB").containsEntry("active", true);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list("dev-ada")).singleElement().satisfies(device -> assertThat(device)
        .containsEntry("token", "dev-ada-token:APA91b").containsKey("registeredAt"));
  }

  @Test
  void aTokenRegisteredByAnotherRecipientMovesToThem() {
    register("dev-old-owner", "{\"token\":\"dev-shared-token\",\"platform\":\"ANDROID\"}");

    var moved = register("dev-new-owner", "{\"token\":\"dev-shared-token\",\"platform\":\"ANDROID\"}");

    assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list("dev-old-owner")).isEmpty();
    assertThat(list("dev-new-owner")).hasSize(1);
  }

  @Test
  void unregisteringRemovesTheDeviceOnceThenIsNotFound() {
    register("dev-bob", "{\"token\":\"dev-bob-token\",\"platform\":\"IOS\"}");

    var removed = delete("/api/v1/recipients/dev-bob/devices/dev-bob-token");
    var again = delete("/api/v1/recipients/dev-bob/devices/dev-bob-token");

    assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(list("dev-bob")).isEmpty();
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(again.getBody()).containsEntry("type", "/problems/not-found").containsEntry("status", 404);
  }

  @Test
  void aDeactivatedTokenCannotBeRegisteredAgain() {
    register("dev-cy", "{\"token\":\"dev-cy-dead-token\",\"platform\":\"WEB\"}");
    devices.deactivate("dev-cy-dead-token", "fcm-UNREGISTERED");

    var again = register("dev-cy", "{\"token\":\"dev-cy-dead-token\",\"platform\":\"WEB\"}");

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody()).containsEntry("type", "/problems/device-deactivated");
    assertThat(violations(again)).containsExactly(Map.of("field", "token", "message", "was deactivated: fcm-UNREGISTERED"));
    assertThat(list("dev-cy")).singleElement().satisfies(device -> assertThat(device)
        .containsEntry("active", false).containsEntry("deactivatedReason", "fcm-UNREGISTERED"));
  }

  @Test
  void aMissingTokenAndPlatformAreNamed() {
    var response = register("dev-dan", "{}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("type", "/problems/invalid-request");
    assertThat(violations(response)).extracting(v -> v.get("field")).containsExactly("token", "platform");
  }

  @Test
  void aTokenWithWhitespaceIsInvalid() {
    var response = register("dev-dan", "{\"token\":\"two words\",\"platform\":\"WEB\"}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(violations(response)).singleElement().satisfies(v -> assertThat(v).containsEntry("field", "token"));
  }

  @Test
  void anUnknownPlatformListsTheKnownOnes() {
    var response = register("dev-dan", "{\"token\":\"dev-dan-token\",\"platform\":\"PALM\"}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(violations(response)).containsExactly(
        Map.of("field", "platform", "message", "is not one of [WEB, ANDROID, IOS]"));
  }

  @Test
  void anUnknownFieldIsNamed() {
    var response = register("dev-dan", "{\"token\":\"dev-dan-token\",\"platform\":\"WEB\",\"os\":\"linux\"}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(violations(response)).singleElement().satisfies(v -> assertThat(v).containsEntry("field", "os"));
  }

  @Test
  void aTooLongRecipientIdIsNamed() {
    String recipientId = "r".repeat(201);

    var registered = register(recipientId, "{\"token\":\"dev-long-token\",\"platform\":\"WEB\"}");
    var listed = get("/api/v1/recipients/" + recipientId + "/devices");

    assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(violations(registered)).singleElement().satisfies(v -> assertThat(v).containsEntry("field", "recipientId"));
    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private ResponseEntity<Map<String, Object>> register(String recipientId, String json) {
    return post("/api/v1/recipients/" + recipientId + "/devices", json);
  }

  private List<Map<String, Object>> list(String recipientId) {
    return http().get().uri("/api/v1/recipients/{id}/devices", recipientId).retrieve()
        .body(new ParameterizedTypeReference<List<Map<String, Object>>>() {});
  }

  private ResponseEntity<Map<String, Object>> delete(String path) {
    return http().delete().uri(path).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON).retrieve()
        .toEntity(new ParameterizedTypeReference<>() {});
  }

  private static List<Map<String, Object>> violations(ResponseEntity<Map<String, Object>> response) {
    return (List<Map<String, Object>>) response.getBody().get("errors");
  }
}
