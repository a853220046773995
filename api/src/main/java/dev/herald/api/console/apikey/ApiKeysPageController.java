package dev.herald.api.console.apikey;

import dev.herald.activities.apikey.ApiKey;
import dev.herald.activities.apikey.ApiKeyRole;
import dev.herald.activities.apikey.IssuedKey;
import dev.herald.api.apikey.ApiKeyIssuer;
import dev.herald.api.apikey.CreateApiKeyRequest;
import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.ConsolePage;
import dev.herald.api.console.FormErrors;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.security.Caller;
import dev.herald.api.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' API keys: every key without its secret, a new key (shown once, on the page the creation
 * leads to, and never again), and revocation after a second step on the page. The rules are the
 * API's ({@link ApiKeyIssuer}): a revoked key's console sessions end with it.
 */
@ConsoleController
class ApiKeysPageController {

  static final String PATH = "/console/api-keys";
  private static final List<String> FIELDS = List.of("name", "role", "sender");

  /** The create form as typed. */
  record KeyForm(String name, String role, String sender) {
    static final KeyForm EMPTY = new KeyForm("", ApiKeyRole.SENDER.name(), "");
  }

  /** A key just created, for the one page that shows it (a flash attribute: gone on the next request). */
  record NewKey(String name, String secret) {}

  private final ApiKeyIssuer keys;

  ApiKeysPageController(ApiKeyIssuer keys) {
    this.keys = keys;
  }

  @Bean
  static ConsolePage apiKeysPage() {
    return new ConsolePage(PATH, "API keys", 80, Role.ADMIN);
  }

  /** {@code revoke}: the key whose revocation the page asks to confirm. */
  @GetMapping(PATH)
  String list(@RequestParam(required = false) Long revoke, @AuthenticationPrincipal Caller caller, Model model) {
    model.addAttribute("form", KeyForm.EMPTY).addAttribute("errors", FormErrors.NONE);
    return page(revoke, caller, model);
  }

  @PostMapping(PATH)
  String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String role,
      @RequestParam(defaultValue = "") String sender, @AuthenticationPrincipal Caller caller, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    try {
      IssuedKey issued = keys.create(new CreateApiKeyRequest(name, roleOf(role), sender.isBlank() ? null : sender),
          caller);
      redirect.addFlashAttribute("created", new NewKey(issued.key().name(), issued.secret()));
      return "redirect:" + PATH;
    } catch (InvalidRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("form", new KeyForm(name, role, sender)).addAttribute("errors", FormErrors.of(e, FIELDS));
      return page(null, caller, model);
    }
  }

  @PostMapping(PATH + "/{id}/revoke")
  String revoke(@PathVariable long id, RedirectAttributes redirect) {
    ApiKey revoked = keys.revoke(id);
    redirect.addFlashAttribute("notice", "Revoked the key " + revoked.name() + " (" + revoked.prefix()
        + "): it opens nothing any more, and its console sessions have ended.");
    return "redirect:" + PATH;
  }

  private String page(Long revoke, Caller caller, Model model) {
    List<ApiKey> all = keys.list();
    model.addAttribute("keys", all).addAttribute("roles", ApiKeyRole.values()).addAttribute("own", caller.keyPrefix());
    if (revoke != null) {
      all.stream().filter(k -> k.id() == revoke && !k.isRevoked()).findFirst()
          .ifPresent(k -> model.addAttribute("confirm", k));
    }
    return "console/apikey/api-keys";
  }

  /** The role chosen, or null (the request's rule then names it) for none or one that is no role. */
  private static ApiKeyRole roleOf(String role) {
    return Arrays.stream(ApiKeyRole.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
  }
}
