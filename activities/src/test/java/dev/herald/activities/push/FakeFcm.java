package dev.herald.activities.push;

import dev.herald.activities.http.ScriptedHttpServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A bare FCM v1 {@code messages:send} endpoint for the sender tests: a {@link ScriptedHttpServer}
 * with Google's error shape and message names numbered by request.
 */
final class FakeFcm implements AutoCloseable {

  private final ScriptedHttpServer server =
      new ScriptedHttpServer("/fcm", "application/json; charset=UTF-8", this::sent);

  FakeFcm() throws IOException {}

  String baseUrl() {
    return server.baseUrl();
  }

  List<ScriptedHttpServer.Request> requests() {
    return server.received();
  }

  /** The next call gets this answer instead of a success. */
  void answer(int status, String body, Map<String, String> headers) {
    server.answer(status, body, headers);
  }

  /** An error in Google's JSON shape with an FcmError detail, e.g. (404, NOT_FOUND, UNREGISTERED). */
  void answerError(int status, String googleStatus, String fcmCode, String message, Map<String, String> headers,
      String... extraDetails) {
    String details = "{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"" + fcmCode
        + "\"}" + (extraDetails.length == 0 ? "" : "," + String.join(",", extraDetails));
    answer(status, "{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"status\":\"" + googleStatus
        + "\",\"details\":[" + details + "]}}", headers);
  }

  private ScriptedHttpServer.Answer sent(ScriptedHttpServer.Request request) {
    String project = request.path().split("/")[4];
    return new ScriptedHttpServer.Answer(200,
        "{\"name\":\"projects/" + project + "/messages/" + requests().size() + "\"}", Map.of());
  }

  @Override
  public void close() {
    server.close();
  }
}
