package dev.herald.devkit.fault;

import java.time.Duration;

/**
 * A fault a simulator injects into the calls it answers, at run time.
 *
 * @param httpStatus answer with this HTTP status (with the vendor's error body), or null
 * @param errorCode the vendor's error code to answer with (e.g. Twilio 21211, FCM UNAVAILABLE, Slack
 *     channel_not_found), or null
 * @param rate share of calls that get the fault, 0..1
 * @param latency added to every call, or null
 * @param timeout when true the call never gets an answer in time (the client times out)
 */
public record SimulatorFault(Integer httpStatus, String errorCode, double rate, Duration latency, boolean timeout) {}
