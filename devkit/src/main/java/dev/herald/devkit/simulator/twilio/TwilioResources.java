package dev.herald.devkit.simulator.twilio;

import dev.herald.activities.sms.SmsSegments;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Twilio's shapes: Message and Call JSON resources, and the parameters of its callbacks. */
final class TwilioResources {

  static final String API_VERSION = "2010-04-01";
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

  private final String accountSid;
  private final Clock clock;

  TwilioResources(String accountSid, Clock clock) {
    this.accountSid = accountSid;
    this.clock = clock;
  }

  Map<String, Object> message(SimulatedItem message, SmsSegments segments) {
    String uri = "/" + API_VERSION + "/Accounts/" + accountSid + "/Messages/" + message.sid();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("account_sid", accountSid);
    json.put("api_version", API_VERSION);
    json.put("body", message.content());
    json.put("date_created", RFC_2822.format(message.receivedAt()));
    json.put("date_sent", null);
    json.put("date_updated", RFC_2822.format(message.receivedAt()));
    json.put("direction", "outbound-api");
    json.put("error_code", null);
    json.put("error_message", null);
    json.put("from", message.from());
    json.put("messaging_service_sid", null);
    json.put("num_media", "0");
    json.put("num_segments", String.valueOf(segments.segments()));
    json.put("price", null);
    json.put("price_unit", "USD");
    json.put("sid", message.sid());
    json.put("status", "queued");
    json.put("subresource_uris", Map.of("media", uri + "/Media.json"));
    json.put("to", message.to());
    json.put("uri", uri + ".json");
    return json;
  }

  Map<String, Object> call(SimulatedItem call) {
    String uri = "/" + API_VERSION + "/Accounts/" + accountSid + "/Calls/" + call.sid();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("account_sid", accountSid);
    json.put("annotation", null);
    json.put("answered_by", null);
    json.put("api_version", API_VERSION);
    json.put("caller_name", null);
    json.put("date_created", RFC_2822.format(call.receivedAt()));
    json.put("date_updated", RFC_2822.format(call.receivedAt()));
    json.put("direction", "outbound-api");
    json.put("duration", null);
    json.put("end_time", null);
    json.put("forwarded_from", null);
    json.put("from", call.from());
    json.put("from_formatted", call.from());
    json.put("group_sid", null);
    json.put("parent_call_sid", null);
    json.put("phone_number_sid", null);
    json.put("price", null);
    json.put("price_unit", "USD");
    json.put("queue_time", "0");
    json.put("sid", call.sid());
    json.put("start_time", null);
    json.put("status", "queued");
    json.put("subresource_uris", Map.of("notifications", uri + "/Notifications.json",
        "recordings", uri + "/Recordings.json"));
    json.put("to", call.to());
    json.put("to_formatted", call.to());
    json.put("trunk_sid", null);
    json.put("uri", uri + ".json");
    return json;
  }

  /** A message status callback; {@code errorCode} for undelivered and failed. */
  Map<String, String> messageStatus(SimulatedItem message, String status, Integer errorCode) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", accountSid);
    params.put("ApiVersion", API_VERSION);
    params.put("From", message.from());
    params.put("MessageSid", message.sid());
    params.put("MessageStatus", status);
    params.put("SmsSid", message.sid());
    params.put("SmsStatus", status);
    params.put("To", message.to());
    if (errorCode != null) {
      params.put("ErrorCode", String.valueOf(errorCode));
    }
    return params;
  }

  /** A call status callback for the call's end. */
  Map<String, String> callStatus(SimulatedItem call, String status) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", accountSid);
    params.put("ApiVersion", API_VERSION);
    params.put("CallDuration", "completed".equals(status) ? "12" : "0");
    params.put("CallSid", call.sid());
    params.put("CallStatus", status);
    params.put("CallbackSource", "call-progress-events");
    params.put("Direction", "outbound-api");
    params.put("From", call.from());
    params.put("SequenceNumber", "0");
    params.put("Timestamp", RFC_2822.format(clock.instant()));
    params.put("To", call.to());
    return params;
  }

  /** An incoming SMS, as Twilio posts it to the number's messaging webhook. */
  Map<String, String> inboundMessage(String sid, String from, String to, String body) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", accountSid);
    params.put("ApiVersion", API_VERSION);
    params.put("Body", body);
    params.put("From", from);
    params.put("MessageSid", sid);
    params.put("NumMedia", "0");
    params.put("NumSegments", String.valueOf(SmsSegments.of(body).segments()));
    params.put("SmsMessageSid", sid);
    params.put("SmsSid", sid);
    params.put("SmsStatus", "received");
    params.put("To", to);
    return params;
  }
}
