package dev.herald.api.console.recipient;

import dev.herald.activities.recipient.RecipientRules;
import dev.herald.activities.recipient.Recipients;
import dev.herald.activities.recipient.StoredRecipient;
import dev.herald.activities.text.TextRules;
import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.ConsolePage;
import dev.herald.api.console.FormErrors;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.recipient.CursorPage;
import dev.herald.api.recipient.RecipientWrites;
import dev.herald.api.security.Caller;
import dev.herald.api.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The Recipients page: the owner's recipients in id order, a page at a time after a cursor as the API
 * pages them, searched by the start of their id (a range of the id index: name and address searches
 * would need indexes of their own), and the file import (recipient.js sends the file).
 */
@ConsoleController
class RecipientListController {

  static final String PATH = "/console/recipients";
  static final int PAGE_SIZE = 50;

  private final Recipients recipients;

  RecipientListController(Recipients recipients) {
    this.recipients = recipients;
  }

  @Bean
  static ConsolePage recipientsPage() {
    return new ConsolePage(PATH, "Recipients", 50, Role.SENDER);
  }

  @GetMapping(PATH)
  String list(@RequestParam(required = false) String q, @RequestParam(required = false) String after,
      @RequestParam(required = false) String owner, @AuthenticationPrincipal Caller caller, Model model,
      HttpServletResponse response) {
    OwnerChoice choice = OwnerChoice.of(caller, owner);
    String prefix = q == null ? "" : q.strip();
    String cursor = PageCursor.of(after);
    Optional<String> unsearchable = TextRules.line(prefix, RecipientRules.MAX_ID_CHARS);
    CursorPage<StoredRecipient> page = new CursorPage<>(List.of(), null);
    if (unsearchable.isPresent()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", FormErrors.of(new InvalidRequestException("q", unsearchable.get()), List.of("q")));
    } else {
      // an email address or a phone number is looked up as one; anything else is the start of an id
      boolean address = prefix.contains("@") || prefix.startsWith("+");
      page = CursorPage.of(address ? recipients.byAddress(choice.whose(), prefix, cursor, PAGE_SIZE + 1)
          : recipients.search(choice.whose(), prefix, cursor, PAGE_SIZE + 1), PAGE_SIZE, StoredRecipient::id);
    }
    model.addAttribute("choice", choice);
    model.addAttribute("q", prefix);
    model.addAttribute("after", cursor);
    model.addAttribute("page", page);
    model.addAttribute("apiImport", choice.url(ServletUriComponentsBuilder.fromCurrentContextPath()
        .path(RecipientWrites.API_IMPORT_PATH).toUriString()));
    model.addAttribute("csv", RecipientWrites.CSV);
    model.addAttribute("jsonLines", RecipientWrites.JSON_LINES);
    return "console/recipient/list";
  }
}
