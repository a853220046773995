package dev.herald.devkit.simulator.twilio;

import dev.herald.workflows.messages.Channel;
import java.time.Instant;

/**
 * One API request the simulator received, whatever it answered: what tests count provider calls by.
 *
 * @param answer the HTTP status answered (0: held until the client timed out)
 * @param errorCode the Twilio error code answered, or null
 */
public record SimulatedRequest(Channel channel, String to, int answer, Integer errorCode, Instant at) {}
