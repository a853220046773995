package dev.herald.api.group;

import dev.herald.activities.group.GroupMember;
import dev.herald.activities.group.MembershipChange;
import dev.herald.activities.group.RecipientGroups;
import dev.herald.api.openapi.ApiTags;
import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.problem.ProblemType;
import dev.herald.api.recipient.CursorPage;
import dev.herald.api.recipient.Paging;
import dev.herald.api.security.Caller;
import dev.herald.api.security.Owners;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Recipient groups: create, rename, delete, list; members added and removed in bulk, paged by id.
 * Keys are unique per owner (the sender), and a group holds only its owner's recipients: a call works
 * on the caller's own groups ({@link Owners}), so another sender's key is unknown here (404).
 */
@RestController
@Tag(name = ApiTags.GROUPS)
@RequestMapping("/api/v1/groups")
class GroupController {

  private final RecipientGroups groups;

  GroupController(RecipientGroups groups) {
    this.groups = groups;
  }

  @ProblemResponses(ProblemType.GROUP_EXISTS)
  @ApiResponse(responseCode = "201", description = "created", useReturnTypeSchema = true)
  @PostMapping
  ResponseEntity<GroupView> create(@Valid @RequestBody CreateGroupRequest request,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      UriComponentsBuilder uri, @AuthenticationPrincipal Caller caller) {
    GroupView view = groups.create(Owners.of(caller, owner), request.key(), request.name().strip()).map(GroupView::of)
        .orElseThrow(() -> new GroupExistsException(request.key()));
    return ResponseEntity.created(uri.path("/api/v1/groups/{key}").buildAndExpand(view.key()).encode().toUri())
        .body(view);
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @GetMapping("/{key}")
  GroupView get(@PathVariable String key,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    return groups.find(Owners.of(caller, owner), key).map(GroupView::of)
        .orElseThrow(() -> new GroupNotFoundException(key));
  }

  @GetMapping
  CursorPage<GroupView> list(@RequestParam(required = false) String after,
      @RequestParam(required = false) Integer limit,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    String whose = Owners.of(caller, owner);
    int size = Paging.limit(limit);
    return CursorPage.of(groups.page(whose, after, size + 1).stream().map(GroupView::of).toList(), size,
        GroupView::key);
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @PatchMapping("/{key}")
  GroupView rename(@PathVariable String key, @Valid @RequestBody RenameGroupRequest request,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    return groups.rename(Owners.of(caller, owner), key, request.name().strip()).map(GroupView::of)
        .orElseThrow(() -> new GroupNotFoundException(key));
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @ApiResponse(responseCode = "204", description = "deleted", useReturnTypeSchema = true)
  @DeleteMapping("/{key}")
  ResponseEntity<Void> delete(@PathVariable String key,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    if (!groups.delete(Owners.of(caller, owner), key)) {
      throw new GroupNotFoundException(key);
    }
    return ResponseEntity.noContent().build();
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @PostMapping("/{key}/members")
  MembersAdded addMembers(@PathVariable String key, @RequestBody MembersRequest request,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    String whose = Owners.of(caller, owner);
    GroupRules.checkMembers(request);
    MembershipChange change = groups.addMembers(whose, key, request.recipientIds())
        .orElseThrow(() -> new GroupNotFoundException(key));
    return new MembersAdded(change.changed(), change.unchanged(), change.unknown());
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @DeleteMapping("/{key}/members")
  MembersRemoved removeMembers(@PathVariable String key, @RequestBody MembersRequest request,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    String whose = Owners.of(caller, owner);
    GroupRules.checkMembers(request);
    MembershipChange change = groups.removeMembers(whose, key, request.recipientIds())
        .orElseThrow(() -> new GroupNotFoundException(key));
    return new MembersRemoved(change.changed(), change.unchanged(), change.unknown());
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @GetMapping("/{key}/members")
  CursorPage<GroupMember> members(@PathVariable String key, @RequestParam(required = false) String after,
      @RequestParam(required = false) Integer limit,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    String whose = Owners.of(caller, owner);
    int size = Paging.limit(limit);
    return groups.members(whose, key, after, size + 1).map(page -> CursorPage.of(page, size, GroupMember::id))
        .orElseThrow(() -> new GroupNotFoundException(key));
  }
}
