package dev.herald.activities.twilio;

import dev.herald.activities.http.ScriptedHttpServer;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link ScriptedHttpServer} answering like Twilio's REST API: JSON errors, a queued message or call. */
public final class TwilioStub implements AutoCloseable {

  public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
  public static final String AUTH_TOKEN = "stub-token";

  private final ScriptedHttpServer server = new ScriptedHttpServer("/twilio", "application/json", TwilioStub::queued);

  public TwilioStub() throws IOException {}

  /** The base URL the SDK is pointed at. */
  public URI baseUrl() {
    return URI.create(server.baseUrl());
  }

  public TwilioAccount account(boolean withCallbacks) {
    Optional<URI> callbacks = withCallbacks ? Optional.of(URI.create("https://herald.example.com")) : Optional.empty();
    return new ConfiguredTwilioAccount(ACCOUNT_SID, AUTH_TOKEN, Optional.of(baseUrl()), callbacks);
  }

  public TwilioStub answerError(int status, int code, Map<String, String> headers) {
    server.answer(status, "{\"code\":" + code + ",\"message\":\"error " + code + "\",\"more_info\":"
        + "\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}", headers);
    return this;
  }

  public TwilioStub answerEmpty(int status) {
    server.answer(status, "", Map.of());
    return this;
  }

  /** The next request gets no answer until the stub closes: the client times out. */
  public TwilioStub hang() {
    server.hang();
    return this;
  }

  /** Each request as received; {@code form()} holds the parameters the SDK sent. */
  public List<ScriptedHttpServer.Request> received() {
    return server.received();
  }

  private static ScriptedHttpServer.Answer queued(ScriptedHttpServer.Request request) {
    String sid = (request.path().endsWith("Calls.json") ? "CA" : "SM") + "0123456789abcdef0123456789abcdef";
    return new ScriptedHttpServer.Answer(201,
        "{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"account_sid\":\"" + ACCOUNT_SID + "\"}", Map.of());
  }

  @Override
  public void close() {
    server.close();
  }
}
