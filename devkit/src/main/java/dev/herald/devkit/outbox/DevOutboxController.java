package dev.herald.devkit.outbox;

import dev.herald.api.openapi.ApiTags;
import dev.herald.devkit.DevMode;
import dev.herald.workflows.messages.Channel;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dev mode only: what the local sinks and provider simulators captured, so a newcomer can see the
 * message that was "sent" on each channel.
 */
@RestController
@Tag(name = ApiTags.DEV_KIT)
@RequestMapping("/api/v1/dev/outbox")
@ConditionalOnExpression(DevMode.ENABLED)
class DevOutboxController {

  private final DevOutbox outbox;

  DevOutboxController(DevOutbox outbox) {
    this.outbox = outbox;
  }

  @GetMapping
  List<OutboxMessage> outbox(@RequestParam(required = false) Channel channel) {
    return outbox.messages(channel);
  }
}
