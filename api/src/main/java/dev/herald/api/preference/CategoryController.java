package dev.herald.api.preference;

import dev.herald.activities.preference.Categories;
import dev.herald.activities.preference.Category;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.openapi.ApiTags;
import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.problem.ProblemType;
import dev.herald.api.security.Caller;
import dev.herald.api.template.TemplateRequests;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notification categories as admins describe them: every caller reads them, an admin marks one
 * critical (it passes opt-outs that do not name it, e.g. one-time codes) or describes it. A category
 * is used by naming it in a template version or a request; it needs no entry here.
 */
@RestController
@Tag(name = ApiTags.PREFERENCES)
@RequestMapping(CategoryController.PATH)
class CategoryController {

  static final String PATH = "/api/v1/categories";

  private final Categories categories;

  CategoryController(Categories categories) {
    this.categories = categories;
  }

  @GetMapping
  List<CategoryView> list() {
    return categories.list().stream().map(CategoryView::of).toList();
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @GetMapping("/{name}")
  CategoryView get(@PathVariable String name) {
    return categories.find(requireName(name)).map(CategoryView::of).orElseThrow(() -> new CategoryNotFoundException(name));
  }

  /** Admin only. */
  @PutMapping("/{name}")
  CategoryView put(@PathVariable String name, @Valid @RequestBody CategoryRequest request,
      @AuthenticationPrincipal Caller caller) {
    if (request.critical() == null) {
      throw new InvalidRequestException("critical", "is required: true when the category passes opt-outs not naming it");
    }
    return CategoryView.of(categories.put(requireName(name), request.critical(), request.description(),
        caller.describedBy()));
  }

  /** Admin only. */
  @ProblemResponses(ProblemType.NOT_FOUND)
  @ApiResponse(responseCode = "204", description = "removed (sends of the category go on, no longer critical)",
      useReturnTypeSchema = true)
  @DeleteMapping("/{name}")
  ResponseEntity<Void> delete(@PathVariable String name) {
    if (!categories.delete(requireName(name))) {
      throw new CategoryNotFoundException(name);
    }
    return ResponseEntity.noContent().build();
  }

  private static String requireName(String name) {
    if (name == null || !name.matches(Category.NAME)) {
      throw new InvalidRequestException("name", TemplateRequests.CATEGORY_RULE);
    }
    return name;
  }
}
