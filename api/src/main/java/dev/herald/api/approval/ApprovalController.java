package dev.herald.api.approval;

import dev.herald.api.openapi.ApiTags;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admins' queue: sends waiting for approval, newest first, with requester and audience size.
 * Decide with {@code POST /api/v1/notifications/{id}/approval}.
 */
@RestController
@Tag(name = ApiTags.APPROVALS)
@RequestMapping("/api/v1/approvals")
class ApprovalController {

  private static final int MAX_PAGE_SIZE = 100;
  private static final String PAGE_RULE = "must be 0 or more";
  private static final String SIZE_RULE = "must be between 1 and " + MAX_PAGE_SIZE;

  private final ApprovalQueue queue;

  ApprovalController(ApprovalQueue queue) {
    this.queue = queue;
  }

  @GetMapping
  List<PendingApproval> pending(@RequestParam(defaultValue = "0") @Min(value = 0, message = PAGE_RULE) int page,
      @RequestParam(defaultValue = "50") @Min(value = 1, message = SIZE_RULE) @Max(value = MAX_PAGE_SIZE,
          message = SIZE_RULE) int size) {
    return queue.page(page, size).items();
  }
}
