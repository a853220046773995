package dev.herald.api.console.template;

import dev.herald.activities.template.EmailPart;
import dev.herald.activities.template.RenderedTemplate;
import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.template.TemplatePreviews.Preview;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.security.Caller;
import dev.herald.workflows.messages.Channel;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * A version's preview: the page's form (without scripts), the same as a fragment for the page's live
 * preview (templates.js, as variables are typed), and the email's HTML for the page's sandboxed frame.
 * The HTML never enters a console page: the frame loads it from here with a policy of its own (no
 * scripts, no requests, no forms, an opaque origin; framed by the console only).
 */
@ConsoleController
class TemplatePreviewController {

  /** The email frame's policy: inline styles and data: images only; {@code sandbox} for an opaque origin and no scripts. */
  static final String FRAME_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
      + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

  private final TemplatePreviews previews;
  private final TemplatePageController pages;

  TemplatePreviewController(TemplatePreviews previews, TemplatePageController pages) {
    this.previews = previews;
    this.pages = pages;
  }

  @PostMapping("/console/templates/{key}/versions/{version}/preview")
  String preview(@PathVariable String key, @PathVariable int version, @ModelAttribute("form") PreviewForm form,
      @AuthenticationPrincipal Caller caller, Model model, HttpServletResponse response) {
    Preview preview = previews.preview(caller, key, version, form);
    if (preview.errors().any()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
    }
    return pages.show(caller, key, version, preview, model);
  }

  /**
   * The page's preview section alone, for templates.js: 200 with what is wrong too (the section says
   * it), so a script's fetch of a preview with a missing variable is no failed request.
   */
  @PostMapping("/console/templates/{key}/versions/{version}/preview/live")
  String live(@PathVariable String key, @PathVariable int version, @ModelAttribute("form") PreviewForm form,
      @AuthenticationPrincipal Caller caller, Model model) {
    pages.show(caller, key, version, previews.preview(caller, key, version, form), model);
    return TemplatePageController.VERSION_VIEW + " :: preview";
  }

  @GetMapping("/console/templates/{key}/versions/{version}/preview/email")
  ResponseEntity<String> email(@PathVariable String key, @PathVariable int version,
      @ModelAttribute("form") PreviewForm form, @AuthenticationPrincipal Caller caller) {
    try {
      RenderedTemplate rendered = previews.render(caller, key, version, form.on(Channel.EMAIL));
      EmailPart email = rendered.content().part(EmailPart.class);
      return frame(HttpStatus.OK, email.html() != null ? email.html()
          : "<pre>" + HtmlUtils.htmlEscape(email.text() == null ? "" : email.text()) + "</pre>");
    } catch (InvalidRequestException e) {
      return frame(HttpStatus.BAD_REQUEST, "<p>Nothing to show: " + HtmlUtils.htmlEscape(e.violations().stream()
          .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "))) + "</p>");
    }
  }

  private static ResponseEntity<String> frame(HttpStatus status, String html) {
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .header("Content-Security-Policy", FRAME_CSP)
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .body(html);
  }
}
