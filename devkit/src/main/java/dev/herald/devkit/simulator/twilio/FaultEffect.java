package dev.herald.devkit.simulator.twilio;

import dev.herald.devkit.fault.SimulatorFault;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an injected fault does to one Twilio call. {@code errorCode} is read like Twilio's codes:
 * an API error (2xxxx, e.g. 21211, 20429) is answered at once; a delivery error (3xxxx, e.g. 30003
 * unreachable) accepts the SMS and reports it undelivered by callback; a call status (busy,
 * no-answer, failed, canceled) accepts the call and reports that outcome. An {@code httpStatus}
 * alone is answered with Twilio's code for it (429: 20429, 5xx: 20500).
 */
record FaultEffect(Duration latency, boolean timeout, TwilioApiError apiError, Integer deliveryError,
    String callOutcome) {

  static final FaultEffect NONE = new FaultEffect(null, false, null, null, null);
  private static final Set<String> CALL_OUTCOMES = Set.of("busy", "no-answer", "failed", "canceled");

  static FaultEffect of(Optional<SimulatorFault> drawn) {
    if (drawn.isEmpty()) {
      return NONE;
    }
    SimulatorFault fault = drawn.get();
    String code = fault.errorCode() == null ? "" : fault.errorCode().strip().toLowerCase(Locale.ROOT);
    TwilioApiError apiError = null;
    Integer deliveryError = null;
    String callOutcome = null;
    if (CALL_OUTCOMES.contains(code)) {
      callOutcome = code;
    } else if (code.matches("\\d{5}")) {
      int number = Integer.parseInt(code);
      if (number >= 30000 && number < 40000) {
        deliveryError = number;
      } else {
        apiError = TwilioApiError.of(number).withStatus(fault.httpStatus());
      }
    } else if (fault.httpStatus() != null) {
      apiError = TwilioApiError.forStatus(fault.httpStatus());
    }
    return new FaultEffect(fault.latency(), fault.timeout(), apiError, deliveryError, callOutcome);
  }

  Optional<TwilioApiError> error() {
    return Optional.ofNullable(apiError);
  }
}
