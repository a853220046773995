package dev.herald.api.console.group;

import dev.herald.activities.group.GroupMember;
import dev.herald.activities.group.GroupSummary;
import dev.herald.activities.group.MembershipChange;
import dev.herald.activities.group.RecipientGroups;
import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.FormErrors;
import dev.herald.api.console.recipient.OwnerChoice;
import dev.herald.api.console.recipient.PageCursor;
import dev.herald.api.group.GroupNotFoundException;
import dev.herald.api.group.GroupRules;
import dev.herald.api.group.RenameGroupRequest;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.recipient.CursorPage;
import dev.herald.api.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One group: its members a page at a time, rename, members added (ids one a line) and removed
 * (ticked), and delete after a second step, by the rules of the API's group calls.
 */
@ConsoleController
class GroupPageController {

  static final String GROUP = GroupListController.PATH + "/{key}";
  private static final List<String> FIELDS = List.of("name", MemberIds.FIELD);

  private final RecipientGroups groups;
  private final Validator validator;

  GroupPageController(RecipientGroups groups, Validator validator) {
    this.groups = groups;
    this.validator = validator;
  }

  static String path(String key) {
    return GroupListController.PATH + "/" + key;
  }

  @GetMapping(GROUP)
  String show(@PathVariable String key, @RequestParam(required = false) String after,
      @RequestParam(required = false) String owner, @AuthenticationPrincipal Caller caller, Model model) {
    OwnerChoice choice = OwnerChoice.of(caller, owner);
    GroupSummary group = find(choice, key);
    return page(choice, group, PageCursor.of(after), new Typed(group.name(), ""), null, model);
  }

  @PostMapping(GROUP + "/rename")
  String rename(@PathVariable String key, @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) String owner, @AuthenticationPrincipal Caller caller, Model model,
      HttpServletResponse response, RedirectAttributes flash) {
    OwnerChoice choice = OwnerChoice.of(caller, owner);
    GroupSummary group = find(choice, key);
    try {
      GroupRules.check(validator, new RenameGroupRequest(name));
    } catch (InvalidRequestException e) {
      return invalid(choice, group, new Typed(name, ""), new Failed("rename", e.violations()), model, response);
    }
    groups.rename(choice.whose(), key, name.strip()).orElseThrow(() -> new GroupNotFoundException(key));
    flash.addFlashAttribute("notice", "Group renamed.");
    return "redirect:" + choice.url(path(key));
  }

  @PostMapping(GROUP + "/members")
  String add(@PathVariable String key, @RequestParam(defaultValue = "") String recipientIds,
      @RequestParam(required = false) String owner, @AuthenticationPrincipal Caller caller, Model model,
      HttpServletResponse response, RedirectAttributes flash) {
    OwnerChoice choice = OwnerChoice.of(caller, owner);
    GroupSummary group = find(choice, key);
    List<String> ids = MemberIds.of(recipientIds);
    List<FieldViolation> violations = MemberIds.violations(ids);
    if (!violations.isEmpty()) {
      return invalid(choice, group, new Typed(group.name(), recipientIds), new Failed("add", violations), model,
          response);
    }
    MembershipChange change = groups.addMembers(choice.whose(), key, ids).orElseThrow(() -> new GroupNotFoundException(key));
    flash.addFlashAttribute("notice", Members.added(change));
    return "redirect:" + choice.url(path(key));
  }

  @PostMapping(GROUP + "/members/remove")
  String remove(@PathVariable String key, @RequestParam(required = false) List<String> recipientIds,
      @RequestParam(required = false) String owner, @AuthenticationPrincipal Caller caller, Model model,
      HttpServletResponse response, RedirectAttributes flash) {
    OwnerChoice choice = OwnerChoice.of(caller, owner);
    GroupSummary group = find(choice, key);
    List<String> ids = recipientIds == null ? List.of() : recipientIds;
    List<FieldViolation> violations = MemberIds.violations(ids);
    if (!violations.isEmpty()) {
      return invalid(choice, group, new Typed(group.name(), ""), new Failed("remove", violations), model, response);
    }
    MembershipChange change = groups.removeMembers(choice.whose(), key, ids)
        .orElseThrow(() -> new GroupNotFoundException(key));
    flash.addFlashAttribute("notice", Members.removed(change));
    return "redirect:" + choice.url(path(key));
  }

  @GetMapping(GROUP + "/delete")
  String confirmDelete(@PathVariable String key, @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller, Model model) {
    OwnerChoice choice = OwnerChoice.of(caller, owner);
    model.addAttribute("group", find(choice, key));
    model.addAttribute("choice", choice);
    return "console/group/delete";
  }

  @PostMapping(GROUP + "/delete")
  String delete(@PathVariable String key, @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller, RedirectAttributes flash) {
    OwnerChoice choice = OwnerChoice.of(caller, owner);
    if (!GroupRules.isKey(key) || !groups.delete(choice.whose(), key)) {
      throw new GroupNotFoundException(key);
    }
    flash.addFlashAttribute("notice", "Group " + key + " deleted; its recipients stay.");
    return "redirect:" + choice.url(GroupListController.PATH);
  }

  /** What the forms of the page hold: the name in the rename form, the ids in the add form. */
  record Typed(String name, String recipientIds) {}

  /** Which form of the page failed ({@code rename}, {@code add}, {@code remove}) and why. */
  record Failed(String form, FormErrors errors) {
    Failed(String form, List<FieldViolation> violations) {
      this(form, FormErrors.of(new InvalidRequestException(violations), FIELDS));
    }
  }

  private String invalid(OwnerChoice choice, GroupSummary group, Typed typed, Failed failed, Model model,
      HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return page(choice, group, null, typed, failed, model);
  }

  private String page(OwnerChoice choice, GroupSummary group, String after, Typed typed, Failed failed, Model model) {
    List<GroupMember> rows = groups.members(choice.whose(), group.key(), after, GroupListController.PAGE_SIZE + 1)
        .orElseThrow(() -> new GroupNotFoundException(group.key()));
    model.addAttribute("choice", choice);
    model.addAttribute("group", group);
    model.addAttribute("after", after);
    model.addAttribute("page", CursorPage.of(rows, GroupListController.PAGE_SIZE, GroupMember::id));
    model.addAttribute("typed", typed);
    model.addAttribute("failed", failed);
    model.addAttribute("errors", failed == null ? FormErrors.NONE : failed.errors());
    return "console/group/group";
  }

  /** The owner's group; another sender's, or a key no group may have, is not found. */
  private GroupSummary find(OwnerChoice choice, String key) {
    if (!GroupRules.isKey(key)) {
      throw new GroupNotFoundException(key);
    }
    return groups.find(choice.whose(), key).orElseThrow(() -> new GroupNotFoundException(key));
  }
}
