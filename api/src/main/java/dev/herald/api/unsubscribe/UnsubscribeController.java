package dev.herald.api.unsubscribe;

import dev.herald.activities.preference.links.PreferenceLink;
import dev.herald.activities.preference.links.PreferenceLinks;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A preference link's URL. {@code POST} is RFC 8058's one-click unsubscribe, as a mail provider sends it
 * ({@code List-Unsubscribe=One-Click}, form or multipart: the body is not read, the POST on the link is
 * the act) and as the page's button does; it answers 200 with a short page, the same every time. {@code
 * GET} shows the page: what the link stops, a button, and for a recipient-id link the recipient's
 * choices per category. A tampered, foreign, unknown-key or expired token gets the same 404 page, never
 * which part failed. Outside the API's document: a page for people, not an API.
 */
@Controller
class UnsubscribeController {

  static final String PATH = PreferenceLinks.PATH + "{token}";

  private final PreferenceLinks links;
  private final Unsubscribing unsubscribing;

  UnsubscribeController(PreferenceLinks links, Unsubscribing unsubscribing) {
    this.links = links;
    this.unsubscribing = unsubscribing;
  }

  @GetMapping(PATH)
  ModelAndView page(@PathVariable String token) {
    return links.verify(token).map(link -> page(link, token, false, false)).orElseGet(UnsubscribeController::refused);
  }

  @PostMapping(PATH)
  ModelAndView oneClick(@PathVariable String token) {
    Optional<PreferenceLink> link = links.verify(token);
    if (link.isEmpty()) {
      return refused();
    }
    unsubscribing.oneClick(link.get());
    return page(link.get(), token, true, false);
  }

  @PostMapping(PATH + "/preferences")
  ModelAndView save(@PathVariable String token, @RequestParam(name = "shown", required = false) List<String> shown,
      @RequestParam(name = "stop", required = false) List<String> stop) {
    Optional<PreferenceLink> link = links.verify(token).filter(PreferenceLink::forRecipientId);
    if (link.isEmpty()) {
      return refused();
    }
    unsubscribing.save(link.get(), shown == null ? Set.of() : Set.copyOf(shown), stop == null ? Set.of() : Set.copyOf(stop));
    return page(link.get(), token, false, true);
  }

  private ModelAndView page(PreferenceLink link, String token, boolean unsubscribed, boolean saved) {
    ModelAndView page = new ModelAndView("unsubscribe/page");
    page.addObject("token", token);
    page.addObject("what", LinkWords.what(link));
    page.addObject("stopped", unsubscribed || unsubscribing.stopped(link));
    page.addObject("unsubscribed", unsubscribed);
    page.addObject("saved", saved);
    page.addObject("choices", link.forRecipientId() ? unsubscribing.choices(link) : null);
    return page;
  }

  private static ModelAndView refused() {
    return new ModelAndView("unsubscribe/refused", HttpStatus.NOT_FOUND);
  }
}
