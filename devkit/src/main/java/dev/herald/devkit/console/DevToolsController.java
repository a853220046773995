package dev.herald.devkit.console;

import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.ConsolePage;
import dev.herald.api.console.FormErrors;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.security.Role;
import dev.herald.devkit.DevMode;
import dev.herald.devkit.fault.SimulatorFault;
import dev.herald.devkit.fault.SimulatorFaults;
import dev.herald.devkit.outbox.DevOutbox;
import dev.herald.devkit.outbox.OutboxMessage;
import dev.herald.workflows.messages.Channel;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Dev mode only: the console's dev tools, what the local sinks and simulators captured (the outbox,
 * newest first) and the simulators' fault switches (an error status or code for a share of calls,
 * added latency, a timeout), the same as /api/v1/dev/outbox and /api/v1/dev/simulators/{name}/faults.
 */
@ConsoleController
@ConditionalOnExpression(DevMode.ENABLED)
class DevToolsController {

  static final String PATH = "/console/dev";
  static final int SHOWN = 100;

  /** A simulator's switch as the page shows it. */
  record Switch(String simulator, SimulatorFault fault, long injected) {}

  private final DevOutbox outbox;
  private final SimulatorFaults faults;

  DevToolsController(DevOutbox outbox, SimulatorFaults faults) {
    this.outbox = outbox;
    this.faults = faults;
  }

  @Bean
  static ConsolePage devToolsPage() {
    return new ConsolePage(PATH, "Dev tools", 90, Role.SENDER);
  }

  @GetMapping(PATH)
  String tools(@RequestParam(required = false) Channel channel, Model model) {
    List<OutboxMessage> messages = outbox.messages(channel);
    model.addAttribute("channel", channel);
    model.addAttribute("channels", Channel.values());
    model.addAttribute("total", messages.size());
    List<OutboxMessage> newest = new ArrayList<>(messages);
    Collections.reverse(newest);
    model.addAttribute("messages", newest.subList(0, Math.min(SHOWN, newest.size())));
    model.addAttribute("switches", SimulatorFaults.SIMULATORS.stream()
        .map(name -> new Switch(name, faults.current(name).orElse(null), faults.injected(name))).toList());
    model.asMap().putIfAbsent("errors", FormErrors.NONE);
    return "console/dev/tools";
  }

  @PostMapping(PATH + "/faults/{simulator}")
  String inject(@PathVariable String simulator, @RequestParam Map<String, String> form, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    try {
      faults.set(simulator, fault(form));
    } catch (InvalidRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", FormErrors.of(e, List.of("httpStatus", "errorCode", "rate", "latency")));
      model.addAttribute("failed", simulator);
      model.addAttribute("form", form);
      return tools(null, model);
    }
    redirect.addFlashAttribute("notice", "The " + simulator + " simulator's fault is in force.");
    return "redirect:" + PATH;
  }

  @PostMapping(PATH + "/faults/{simulator}/clear")
  String clear(@PathVariable String simulator, RedirectAttributes redirect) {
    faults.clear(simulator);
    redirect.addFlashAttribute("notice", "The " + simulator + " simulator answers normally again.");
    return "redirect:" + PATH;
  }

  private static SimulatorFault fault(Map<String, String> form) {
    Integer status = number(form, "httpStatus", "an HTTP status such as 503");
    Integer latency = number(form, "latency", "milliseconds, a whole number");
    String rate = form.getOrDefault("rate", "").isBlank() ? "1" : form.get("rate").trim();
    double share;
    try {
      share = Double.parseDouble(rate);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("rate", "must be a number between 0 and 1");
    }
    String code = form.getOrDefault("errorCode", "").isBlank() ? null : form.get("errorCode").trim();
    return new SimulatorFault(status, code, share, latency == null ? null : Duration.ofMillis(latency),
        "on".equals(form.get("timeout")));
  }

  private static Integer number(Map<String, String> form, String field, String rule) {
    String value = form.getOrDefault(field, "").trim();
    if (value.isEmpty()) {
      return null;
    }
    try {
      int number = Integer.parseInt(value);
      if (number < 0) {
        throw new InvalidRequestException(field, "must be " + rule);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(field, "must be " + rule);
    }
  }
}
