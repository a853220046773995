package dev.herald.devkit.simulator.twilio;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the HTTP callbacks Twilio makes: form POSTs signed with {@code X-Twilio-Signature}, status
 * callbacks asynchronously, shortly after the message or call was accepted, each status of one item
 * after the previous one was answered.
 */
final class TwilioCallbacks implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TwilioCallbacks.class);

  private static final int THREADS = 4;

  private final String authToken;
  private final Duration delay;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(THREADS, runnable -> {
    Thread thread = new Thread(runnable, "twilio-simulator-callbacks");
    thread.setDaemon(true);
    return thread;
  });

  TwilioCallbacks(String authToken, Duration delay) {
    this.authToken = authToken;
    this.delay = delay;
  }

  /** Reports each status in turn, {@code delay} after the previous one, to the item's status callback. */
  void report(SimulatedItem item, List<Map<String, String>> statusParams) {
    if (!statusParams.isEmpty()) {
      scheduler.schedule(() -> step(item, statusParams), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void step(SimulatedItem item, List<Map<String, String>> statusParams) {
    Map<String, String> params = statusParams.get(0);
    String status = params.getOrDefault("MessageStatus", params.get("CallStatus"));
    item.statuses().add(status);
    if (item.statusCallback() != null) {
      int answer = post(item.statusCallback(), params).statusCode();
      item.callbacks().add(new SimulatedItem.Callback(status, answer));
    }
    report(item, statusParams.subList(1, statusParams.size()));
  }

  /** A signed form POST, answered synchronously; status 0 when the webhook could not be reached. */
  Answer post(URI url, Map<String, String> params) {
    String form = params.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .header("User-Agent", "TwilioProxy/1.1")
        .header("X-Twilio-Signature", TwilioSignatures.sign(authToken, url.toString(), params))
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        log.warn("Twilio simulator: callback to {} answered {}", url.getPath(), response.statusCode());
      }
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      log.warn("Twilio simulator: callback to {} failed: {}", url.getPath(), e.getMessage());
      return new Answer(0, "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, "");
    }
  }

  record Answer(int statusCode, String body) {}

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
