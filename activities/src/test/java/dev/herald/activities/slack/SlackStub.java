package dev.herald.activities.slack;

import dev.herald.activities.http.ScriptedHttpServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A {@link ScriptedHttpServer} answering like Slack's Web API: {@code ok:false} errors, a posted message. */
final class SlackStub implements AutoCloseable {

  static final String TOKEN = "xoxb-stub-token";
  static final String TS = "1700000000.000100";

  private final ScriptedHttpServer server =
      new ScriptedHttpServer("/slack", "application/json; charset=utf-8", SlackStub::posted);

  SlackStub() throws IOException {}

  /** The base URL the sender is pointed at, as {@code herald.slack.base-url}. */
  String baseUrl() {
    return server.baseUrl();
  }

  /** Slack's usual error answer: HTTP 200, {@code ok:false} and the error's name. */
  SlackStub answerError(String error) {
    return answer(200, "{\"ok\":false,\"error\":\"" + error + "\"}", Map.of());
  }

  SlackStub answer(int status, String body, Map<String, String> headers) {
    server.answer(status, body, headers);
    return this;
  }

  /** The next request gets no answer until the stub closes: the client times out. */
  SlackStub hang() {
    server.hang();
    return this;
  }

  /** Each request as received; {@code form()} holds the arguments the SDK sent. */
  List<ScriptedHttpServer.Request> received() {
    return server.received();
  }

  /** Posting to a user opens their direct-message conversation (U… or W… becomes D…). */
  private static ScriptedHttpServer.Answer posted(ScriptedHttpServer.Request request) {
    String channel = request.form().getOrDefault("channel", "");
    String conversation = channel.startsWith("U") || channel.startsWith("W") ? "D" + channel.substring(1) : channel;
    return new ScriptedHttpServer.Answer(200, "{\"ok\":true,\"channel\":\"" + conversation + "\",\"ts\":\"" + TS
        + "\",\"message\":{\"type\":\"message\",\"text\":\"…\",\"bot_id\":\"B0STUB\",\"ts\":\"" + TS + "\"}}", Map.of());
  }

  @Override
  public void close() {
    server.close();
  }
}
