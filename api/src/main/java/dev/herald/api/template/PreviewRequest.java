package dev.herald.api.template;

import dev.herald.workflows.messages.Channel;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/templates/{key}/preview}: renders without sending. {@code version}
 * defaults to the active one, {@code channel} to every channel of the version, {@code locale} to the default.
 */
public record PreviewRequest(Integer version, String locale, Channel channel, Map<String, Object> variables) {}
