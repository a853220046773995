package dev.herald.api.console.group;

import dev.herald.activities.group.GroupSummary;
import dev.herald.activities.group.MembershipChange;
import dev.herald.activities.group.RecipientGroups;
import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.ConsolePage;
import dev.herald.api.console.FormErrors;
import dev.herald.api.console.recipient.OwnerChoice;
import dev.herald.api.console.recipient.PageCursor;
import dev.herald.api.group.CreateGroupRequest;
import dev.herald.api.group.GroupRules;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.recipient.CursorPage;
import dev.herald.api.security.Caller;
import dev.herald.api.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Groups page: the owner's groups in key order with their sizes, a page at a time after a cursor
 * as the API pages them, and a new group, with its first members when ids are given, by the rules
 * of {@code POST /api/v1/groups} and its members call.
 */
@ConsoleController
class GroupListController {

  static final String PATH = "/console/groups";
  static final int PAGE_SIZE = 50;
  private static final List<String> FIELDS = List.of("key", "name", MemberIds.FIELD);

  private final RecipientGroups groups;
  private final Validator validator;

  GroupListController(RecipientGroups groups, Validator validator) {
    this.groups = groups;
    this.validator = validator;
  }

  @Bean
  static ConsolePage groupsPage() {
    return new ConsolePage(PATH, "Groups", 55, Role.SENDER);
  }

  @GetMapping(PATH)
  String list(@RequestParam(required = false) String after, @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller, Model model) {
    return page(OwnerChoice.of(caller, owner), after, "", "", "", FormErrors.NONE, model);
  }

  @PostMapping(PATH)
  String create(@RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String members, @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller, Model model, HttpServletResponse response, RedirectAttributes flash) {
    OwnerChoice choice = OwnerChoice.of(caller, owner);
    List<String> ids = MemberIds.of(members);
    List<FieldViolation> violations = new ArrayList<>();
    try {
      GroupRules.check(validator, new CreateGroupRequest(key, name));
    } catch (InvalidRequestException e) {
      violations.addAll(e.violations());
    }
    if (!ids.isEmpty()) {
      violations.addAll(MemberIds.violations(ids));
    }
    if (violations.isEmpty() && groups.create(choice.whose(), key, name.strip()).isEmpty()) {
      violations.add(new FieldViolation("key", GroupRules.KEY_TAKEN));
    }
    if (!violations.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(choice, null, key, name, members, FormErrors.of(new InvalidRequestException(violations), FIELDS), model);
    }
    MembershipChange added = ids.isEmpty() ? null : groups.addMembers(choice.whose(), key, ids).orElseThrow();
    flash.addFlashAttribute("notice", "Group " + key + " created" + (added == null ? "." : ": " + Members.added(added)));
    return "redirect:" + choice.url(GroupPageController.path(key));
  }

  private String page(OwnerChoice choice, String after, String key, String name, String members, FormErrors errors,
      Model model) {
    String cursor = PageCursor.of(after);
    model.addAttribute("choice", choice);
    model.addAttribute("after", cursor);
    model.addAttribute("page", CursorPage.of(groups.page(choice.whose(), cursor, PAGE_SIZE + 1), PAGE_SIZE,
        GroupSummary::key));
    model.addAttribute("key", key);
    model.addAttribute("name", name);
    model.addAttribute("members", members);
    model.addAttribute("errors", errors);
    return "console/group/list";
  }
}
