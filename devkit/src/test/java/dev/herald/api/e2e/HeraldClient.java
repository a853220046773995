package dev.herald.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;

/** Herald's REST API as the suite calls it: JSON over java.net.http, no Spring. */
final class HeraldClient {

  static final Set<String> FINAL = Set.of("COMPLETED", "PARTIALLY_FAILED", "FAILED", "REJECTED", "EXPIRED", "CANCELLED");
  static final ObjectMapper JSON = new ObjectMapper();
  /** The sender the suite sends as (the admin key naming it), and the owner of its recipients and groups. */
  static final String SENDER = "e2e";

  private final String base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** A second admin's key: the bootstrap key asks for the sends, and may not approve them (four-eyes). */
  private String approverKey;

  HeraldClient(String base) {
    this.base = base;
  }

  record Response(int status, JsonNode body) {}

  Response post(String path, Object body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  JsonNode get(String path) {
    Response response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    assertThat(response.status()).as("GET %s", path).isEqualTo(200);
    return response.body();
  }

  void delete(String path) {
    send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  /**
   * Imports {@code count} recipients {@code <prefix>-<i>} with email {@code <prefix>-<i>@e2e.example} into a
   * new group, all of the sender {@code e2e} (the broadcasts' sender), named by the admin key as their owner.
   */
  List<String> groupOf(String group, String prefix, int count) {
    String lines = IntStream.range(0, count)
        .mapToObj(i -> "{\"id\":\"%s-%d\",\"name\":\"Member %d\",\"email\":\"%s\"}".formatted(prefix, i, i, email(prefix, i)))
        .collect(Collectors.joining("\n"));
    Response imported = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/recipients/import?owner=" + SENDER))
        .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(lines)));
    assertThat(imported.status()).as("import: %s", imported.body()).isEqualTo(200);
    assertThat(post("/api/v1/groups?owner=" + SENDER, java.util.Map.of("key", group, "name", group)).status())
        .isEqualTo(201);
    List<String> ids = IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    Response added = post("/api/v1/groups/" + group + "/members?owner=" + SENDER, java.util.Map.of("recipientIds", ids));
    assertThat(added.status()).as("members: %s", added.body()).isBetween(200, 201);
    return IntStream.range(0, count).mapToObj(i -> email(prefix, i)).toList();
  }

  static String email(String prefix, int i) {
    return prefix + "-" + i + "@e2e.example";
  }

  /** Starts an EMAIL broadcast to the group and approves it once it waits for approval; returns its id. */
  String approvedBroadcast(String key, String group) {
    String id = pendingBroadcast(key, group);
    Response approved = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/notifications/" + id + "/approval"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(write(java.util.Map.of("decision", "APPROVE")))), approverKey());
    assertThat(approved.status()).as("approval: %s", approved.body()).isBetween(200, 202);
    return id;
  }

  /** Starts an EMAIL broadcast from sender {@code e2e} to the group, above the approval threshold; its id once it waits. */
  String pendingBroadcast(String key, String group) {
    Response sent = post("/api/v1/notifications", java.util.Map.of("idempotencyKey", key, "sender", SENDER,
        "channels", List.of("EMAIL"), "group", group, "subject", "Broadcast " + key, "body", "Hello from " + key));
    assertThat(sent.status()).as("broadcast: %s", sent.body()).isEqualTo(202);
    String id = sent.body().get("id").asText();
    awaitStatus(id, Duration.ofSeconds(60), "PENDING_APPROVAL");
    return id;
  }

  /** One single-recipient EMAIL notification per recipient {@code <prefix>-<i>}, 8 at a time; returns their ids. */
  List<String> sendSingles(String prefix, int count) {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<String>> ids = IntStream.range(0, count)
          .mapToObj(i -> pool.submit(() -> {
            Response sent = post("/api/v1/notifications", java.util.Map.of("idempotencyKey", prefix + "-" + i,
                "sender", SENDER, "channels", List.of("EMAIL"), "recipients", List.of(java.util.Map.of("email", email(prefix, i))),
                "subject", "Single " + prefix + "-" + i, "body", "Hello " + i));
            assertThat(sent.status()).as("send %s-%d: %s", prefix, i, sent.body()).isEqualTo(202);
            return sent.body().get("id").asText();
          }))
          .toList();
      List<String> result = new ArrayList<>();
      for (var id : ids) {
        result.add(id.get());
      }
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Waits until every notification is final and returns the ones that did not complete, with their status. */
  java.util.Map<String, String> awaitAllFinal(List<String> ids, Duration atMost) {
    java.util.Map<String, String> status = new java.util.concurrent.ConcurrentHashMap<>();
    Awaitility.await(ids.size() + " notifications final").atMost(atMost).pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> {
          for (String id : ids) {
            if (!FINAL.contains(status.getOrDefault(id, ""))) {
              status.put(id, notification(id).get("status").asText());
            }
          }
          return status.values().stream().allMatch(FINAL::contains);
        });
    status.values().removeIf("COMPLETED"::equals);
    return status;
  }

  JsonNode notification(String id) {
    return get("/api/v1/notifications/" + id);
  }

  String awaitStatus(String id, Duration atMost, String... wanted) {
    Set<String> statuses = Set.of(wanted);
    String[] last = new String[1];
    Awaitility.await(id + " in " + statuses).atMost(atMost).pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> statuses.contains(last[0] = notification(id).get("status").asText()));
    return last[0];
  }

  String awaitFinal(String id, Duration atMost) {
    return awaitStatus(id, atMost, FINAL.toArray(String[]::new));
  }

  long sent(String id) {
    return notification(id).get("progress").get("sent").asLong();
  }

  /** Every mail the infra's SMTP sink received, as dev outbox messages. */
  List<JsonNode> outboxEmails() {
    List<JsonNode> mails = new ArrayList<>();
    get("/api/v1/dev/outbox?channel=EMAIL").forEach(mails::add);
    return mails;
  }

  private synchronized String approverKey() {
    if (approverKey == null) {
      Response created = post("/api/v1/api-keys", java.util.Map.of("name", "e2e-approver", "role", "ADMIN"));
      assertThat(created.status()).as("approver key: %s", created.body()).isEqualTo(201);
      approverKey = created.body().get("key").asText();
    }
    return approverKey;
  }

  private Response send(HttpRequest.Builder request) {
    return send(request, E2eProcesses.ADMIN_KEY);
  }

  private Response send(HttpRequest.Builder request, String key) {
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60))
              .header("Authorization", "Bearer " + key).build(),
          HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Response(response.statusCode(), body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String write(Object body) {
    try {
      return body instanceof String text ? text : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
