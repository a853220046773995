package dev.herald.api.console.deadletter;

import dev.herald.activities.deadletter.DeadLetter;
import dev.herald.activities.deadletter.DeadLetterFilter;
import dev.herald.activities.deadletter.DeadLetters;
import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.ConsolePage;
import dev.herald.api.console.FormErrors;
import dev.herald.api.console.LocalTimeRange;
import dev.herald.api.deadletter.BulkRedrive;
import dev.herald.api.deadletter.DeadLetterNotFoundException;
import dev.herald.api.deadletter.DeadLetterRedrives;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.problem.ProblemException;
import dev.herald.api.security.Role;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeadLetterStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' dead letters: the open ones by default, filtered by status, channel, error code, sender and time,
 * with their counts; one with every attempt; re-drive one, those ticked, or all the filter takes; discard.
 * Through the same service as the API ({@link DeadLetterRedrives}), so the same guarantees hold.
 */
@ConsoleController
class DeadLettersPageController {

  static final String PATH = "/console/dead-letters";
  static final int PAGE_SIZE = 25;
  static final int MOST_AT_ONCE = 100;

  private final DeadLetters deadLetters;
  private final DeadLetterRedrives redrives;

  DeadLettersPageController(DeadLetters deadLetters, DeadLetterRedrives redrives) {
    this.deadLetters = deadLetters;
    this.redrives = redrives;
  }

  @Bean
  static ConsolePage deadLettersPage() {
    return new ConsolePage(PATH, "Dead letters", 35, Role.ADMIN);
  }

  /**
   * The filter's values as the form sends them: an empty or unknown choice counts as none; {@code since} and
   * {@code until} are read by {@link LocalTimeRange} in the viewer's {@code zone}.
   */
  record Filters(String status, String channel, String errorCode, String sender, String since, String until,
      String zone) {

    static final List<String> FIELDS = LocalTimeRange.FIELDS;

    /** The filter; {@link InvalidRequestException} naming a time that is wrong. */
    DeadLetterFilter toFilter() {
      List<FieldViolation> violations = new ArrayList<>();
      LocalTimeRange range = LocalTimeRange.read(since, until, zone, violations);
      if (!violations.isEmpty()) {
        throw new InvalidRequestException(violations);
      }
      return new DeadLetterFilter(choice(status, DeadLetterStatus.class).orElse(null), null,
          choice(channel, Channel.class).orElse(null), errorCode, sender, range.since(), range.until());
    }

    Filters open() {
      return new Filters(DeadLetterStatus.OPEN.name(), channel, errorCode, sender, since, until, zone);
    }

    String query() {
      return "?status=" + text(status) + "&channel=" + text(channel) + "&errorCode=" + text(errorCode)
          + "&sender=" + text(sender) + "&since=" + text(since) + "&until=" + text(until) + "&zone=" + text(zone);
    }

    private static String text(String value) {
      return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
  }

  /** Open ones when no status is asked for; the form's "Any" sends it empty. */
  @GetMapping(PATH)
  String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "") String channel,
      @RequestParam(defaultValue = "") String errorCode, @RequestParam(defaultValue = "") String sender,
      @RequestParam(defaultValue = "") String since, @RequestParam(defaultValue = "") String until,
      @RequestParam(defaultValue = "") String zone, @RequestParam(defaultValue = "0") int page,
      HttpServletResponse response, Model model) {
    Filters filters = new Filters(status == null ? DeadLetterStatus.OPEN.name() : status, channel, errorCode, sender,
        since, until, zone);
    int from = Math.max(page, 0);
    model.addAttribute("filters", filters).addAttribute("statuses", DeadLetterStatus.values())
        .addAttribute("channels", Channel.values())
        .addAttribute("counts", deadLetters.counts(DeadLetterStatus.OPEN))
        .addAttribute("errors", FormErrors.NONE).addAttribute("items", List.of())
        .addAttribute("page", from).addAttribute("more", false)
        .addAttribute("pagerBase", PATH + filters.query());
    try {
      List<DeadLetter> items = deadLetters.page(filters.toFilter(), PAGE_SIZE + 1, (long) from * PAGE_SIZE);
      model.addAttribute("items", items.subList(0, Math.min(PAGE_SIZE, items.size())))
          .addAttribute("more", items.size() > PAGE_SIZE);
    } catch (InvalidRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("errors", FormErrors.of(e, Filters.FIELDS));
    }
    return "console/deadletter/list";
  }

  @GetMapping(PATH + "/{id}")
  String detail(@PathVariable String id, Model model) {
    DeadLetter letter = id(id).flatMap(deadLetters::find).orElseThrow(() -> new DeadLetterNotFoundException(id));
    model.addAttribute("letter", letter)
        .addAttribute("attempts", letter.deliveryId() == null ? List.of() : deadLetters.attempts(letter.deliveryId()));
    return "console/deadletter/detail";
  }

  /** The ticked dead letters (or the one of a detail page), each re-driven as through the API. */
  @PostMapping(PATH + "/redrive")
  String redrive(@RequestParam(name = "id", required = false) List<String> ids,
      @RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
    List<Long> chosen = ids == null ? List.of()
        : ids.stream().map(DeadLettersPageController::id).flatMap(Optional::stream).limit(MOST_AT_ONCE).toList();
    List<String> refused = new ArrayList<>();
    for (Long id : chosen) {
      try {
        redrives.redrive(id);
      } catch (ProblemException e) {
        refused.add(id + ": " + e.getMessage());
      }
    }
    redirect.addFlashAttribute("notice", chosen.isEmpty() ? "Tick the dead letters to re-drive first."
        : "Re-driving " + (chosen.size() - refused.size()) + " of " + chosen.size() + "."
            + (refused.isEmpty() ? "" : " Not re-driven: " + String.join("; ", refused)));
    return "redirect:" + (back.startsWith(PATH) ? back : PATH);
  }

  /** Every open dead letter the filter takes, up to {@link #MOST_AT_ONCE}. */
  @PostMapping(PATH + "/redrive-all")
  String redriveAll(@RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String errorCode,
      @RequestParam(defaultValue = "") String sender, @RequestParam(defaultValue = "") String since,
      @RequestParam(defaultValue = "") String until, @RequestParam(defaultValue = "") String zone,
      RedirectAttributes redirect) {
    Filters filters = new Filters("", channel, errorCode, sender, since, until, zone).open();
    String notice;
    try {
      BulkRedrive started = redrives.redriveAll(filters.toFilter(), MOST_AT_ONCE);
      notice = "Re-driving " + started.redriven().size() + " dead letters."
          + (started.more() ? " More match: re-drive again for the next " + MOST_AT_ONCE + "." : "");
    } catch (InvalidRequestException e) {
      notice = "Nothing re-driven: " + e.getMessage();
    } catch (ProblemException e) {
      notice = e.type().title() + ": " + e.getMessage();
    }
    redirect.addFlashAttribute("notice", notice);
    return "redirect:" + PATH + filters.query();
  }

  @PostMapping(PATH + "/{id}/discard")
  String discard(@PathVariable String id, RedirectAttributes redirect) {
    long letter = id(id).orElseThrow(() -> new DeadLetterNotFoundException(id));
    try {
      redrives.discard(letter);
      redirect.addFlashAttribute("notice", "Discarded dead letter " + letter + ".");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("notice", e.getMessage());
    }
    return "redirect:" + PATH + "/" + letter;
  }

  private static Optional<Long> id(String text) {
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }

  private static <E extends Enum<E>> Optional<E> choice(String value, Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst();
  }
}
