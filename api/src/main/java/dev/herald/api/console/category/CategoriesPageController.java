package dev.herald.api.console.category;

import dev.herald.activities.preference.Categories;
import dev.herald.activities.preference.Category;
import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.ConsolePage;
import dev.herald.api.console.FormErrors;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.security.Caller;
import dev.herald.api.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' notification categories: each described one with its critical mark, a form that adds
 * one or changes one's description and mark ({@code ?edit=name} fills it in), and removal after a
 * second step. A category needs no entry to be used; an entry describes it or marks it critical.
 */
@ConsoleController
class CategoriesPageController {

  static final String PATH = "/console/categories";
  static final String REMOVE = PATH + "/remove";

  private final Categories categories;

  CategoriesPageController(Categories categories) {
    this.categories = categories;
  }

  @Bean
  static ConsolePage categoriesPage() {
    return new ConsolePage(PATH, "Categories", 70, Role.ADMIN);
  }

  /** {@code edit}: the category the form changes; {@code remove}: the one whose removal the page asks to confirm. */
  @GetMapping(PATH)
  String list(@RequestParam(required = false) String edit, @RequestParam(required = false) String remove,
      Model model) {
    List<Category> all = categories.list();
    CategoryForm form = all.stream().filter(c -> c.name().equals(edit)).findFirst().map(CategoryForm::of)
        .orElse(CategoryForm.BLANK);
    all.stream().filter(c -> c.name().equals(remove)).findFirst().ifPresent(c -> model.addAttribute("confirm", c));
    return page(all, form, form != CategoryForm.BLANK, FormErrors.NONE, model);
  }

  @PostMapping(PATH)
  String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
      @RequestParam(defaultValue = "false") boolean critical, @AuthenticationPrincipal Caller caller, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    CategoryForm form = new CategoryForm(name, description, critical);
    String checked;
    try {
      checked = form.checkedName();
    } catch (InvalidRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(categories.list(), form, false, FormErrors.of(e, CategoryForm.FIELDS), model);
    }
    boolean known = categories.find(checked).isPresent();
    Category saved = categories.put(checked, form.critical(), form.storedDescription(),
        caller.describedBy());
    redirect.addFlashAttribute("notice", (known ? "Saved " : "Added ") + saved.name() + (saved.critical()
        ? ": critical, it passes opt-outs that do not name it." : ": not critical, every opt-out covering it holds."));
    return "redirect:" + PATH;
  }

  @PostMapping(REMOVE)
  String remove(@RequestParam String name, RedirectAttributes redirect) {
    redirect.addFlashAttribute("notice", categories.delete(name)
        ? "Removed " + name + ": sends naming it go on as before, no longer critical."
        : "No category " + name + " was described: nothing was changed.");
    return "redirect:" + PATH;
  }

  private String page(List<Category> all, CategoryForm form, boolean editing, FormErrors errors, Model model) {
    model.addAttribute("categories", all);
    model.addAttribute("form", form);
    model.addAttribute("editing", editing);
    model.addAttribute("errors", errors);
    return "console/category/categories";
  }
}
