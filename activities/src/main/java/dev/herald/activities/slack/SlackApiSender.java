package dev.herald.activities.slack;

import com.google.gson.JsonParseException;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiErrorResponse;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.util.http.SlackHttpClient;
import dev.herald.activities.channel.ProviderSendException;
import dev.herald.workflows.messages.DeliveryErrorType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * Posts through Slack's Java SDK ({@code chat.postMessage}), one HTTP call per message. The SDK's
 * client is built on first use (a simulator's address is known only once its server listens) with
 * three changes: no {@code auth.test} call before the first message and no metrics threads (the
 * SDK's stats are off), no silent retry of a failed connection by OkHttp (Temporal's policy is the
 * only retry), and one timeout for the whole call.
 */
public class SlackApiSender implements SlackSender, AutoCloseable {

  private record Client(Slack slack, MethodsClient methods) {}

  private final SlackWorkspace workspace;
  private final Duration timeout;
  private volatile Client client;

  public SlackApiSender(SlackWorkspace workspace, Duration timeout) {
    this.workspace = workspace;
    this.timeout = timeout;
  }

  @Override
  public String send(SlackMessage message) throws ProviderSendException {
    ChatPostMessageRequest request = ChatPostMessageRequest.builder()
        .channel(message.channel())
        .text(message.text())
        .build();
    ChatPostMessageResponse response;
    try {
      response = client().methods().chatPostMessage(request);
    } catch (SlackApiException e) {
      SlackApiErrorResponse error = e.getError();
      throw SlackErrors.classify(error == null ? null : error.getError(), e.getResponse().code(),
          e.getResponse().headers().toMultimap(), error == null ? null : detail(error), e);
    } catch (IOException e) {
      throw SlackErrors.unreachable(e);
    } catch (JsonParseException e) {
      throw SlackErrors.unreadable(e);
    }
    if (response == null) {
      throw SlackErrors.classify(null, 200, null, "empty answer", null);
    }
    if (!response.isOk()) {
      throw SlackErrors.classify(response.getError(), 200, response.getHttpResponseHeaders(), detail(response), null);
    }
    return response.getChannel() + ":" + response.getTs();
  }

  /** What Slack adds to an error: the scope a token lacks, a warning. */
  private static String detail(SlackApiTextResponse response) {
    List<String> parts = new ArrayList<>();
    if (response.getNeeded() != null) {
      parts.add("needed " + response.getNeeded());
    }
    if (response.getProvided() != null) {
      parts.add("provided " + response.getProvided());
    }
    if (response.getWarning() != null) {
      parts.add("warning " + response.getWarning());
    }
    return String.join(", ", parts);
  }

  private Client client() throws ProviderSendException {
    Client current = client;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (client == null) {
        String prefix = workspace.methodsUrlPrefix().orElseThrow(() -> new ProviderSendException(
            DeliveryErrorType.PROVIDER_UNAVAILABLE, null, "the Slack API is not reachable yet (" + workspace + ")",
            null));
        client = build(prefix);
      }
      return client;
    }
  }

  private Client build(String methodsUrlPrefix) {
    com.slack.api.SlackConfig config = new com.slack.api.SlackConfig();
    // stats on would call auth.test before the first message and run metrics threads
    config.setStatsEnabled(false);
    config.setMethodsEndpointUrlPrefix(methodsUrlPrefix);
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    config.setHttpClientReadTimeoutMillis(millis);
    config.setHttpClientWriteTimeoutMillis(millis);
    config.setHttpClientCallTimeoutMillis(millis);
    if (isLoopback(methodsUrlPrefix)) {
      // a simulator on this machine is reached directly, whatever HTTPS_PROXY says
      config.setProxyUrl(null);
    }
    OkHttpClient http = SlackHttpClient.buildOkHttpClient(config).newBuilder()
        .connectTimeout(millis, TimeUnit.MILLISECONDS)
        .retryOnConnectionFailure(false)
        .build();
    Slack slack = Slack.getInstance(config, new SlackHttpClient(http));
    return new Client(slack, slack.methods(workspace.token()));
  }

  private static boolean isLoopback(String url) {
    try {
      String host = URI.create(url).getHost();
      return host != null && (host.equals("localhost") || InetAddress.getByName(host).isLoopbackAddress());
    } catch (IllegalArgumentException | UnknownHostException e) {
      return false;
    }
  }

  @Override
  public void close() throws Exception {
    Client current = client;
    if (current != null) {
      current.slack().close();
    }
  }
}
