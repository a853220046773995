package dev.herald.api.console.send;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.activities.recipient.RecipientRules;
import dev.herald.activities.template.MissingTemplateVariableException;
import dev.herald.activities.template.RenderedTemplate;
import dev.herald.activities.template.TemplateNotFoundException;
import dev.herald.activities.template.TemplatePart;
import dev.herald.activities.template.TemplateRenderException;
import dev.herald.activities.template.TemplateVersion;
import dev.herald.activities.template.Templates;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.security.Caller;
import dev.herald.api.console.template.EmailFrames;
import dev.herald.api.template.CallerTemplates;
import dev.herald.api.template.TemplateProblem;
import dev.herald.workflows.messages.Channel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Renders the form's template as {@code POST /api/v1/templates/{key}/preview} does (the caller's own
 * template, its active version, {@link Templates#preview}), and goes on past missing variables: each
 * one is named and rendered as {@code {{name}}}, so the form shows all of them at once.
 */
@Component
class SendPreviews {

  /** More missing variables than this and the preview names these and stops. */
  static final int MAX_MISSING = 50;
  private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

  private final CallerTemplates callerTemplates;
  private final Templates templates;
  private final ObjectMapper json;

  SendPreviews(CallerTemplates callerTemplates, Templates templates, ObjectMapper json) {
    this.callerTemplates = callerTemplates;
    this.templates = templates;
    this.json = json;
  }

  /** The form's template rendered; empty without a template. */
  Optional<SendPreview> preview(SendForm form, Caller caller) {
    if (!form.hasTemplate()) {
      return Optional.empty();
    }
    String key = form.template().strip();
    TemplateVersion version;
    try {
      callerTemplates.template(caller, key);
      version = templates.resolve(key, null);
    } catch (TemplateProblem | TemplateNotFoundException e) {
      return Optional.of(SendPreview.problem(key, e.getMessage()));
    }
    String locale = SendForm.present(form.locale());
    if (locale != null && RecipientRules.locale(locale).isEmpty()) {
      return Optional.of(SendPreview.problem(key, "the locale '" + locale + "' is not a language tag such as ko-KR"));
    }
    Map<String, Object> variables;
    try {
      variables = TemplateVariables.of(form.variables());
    } catch (InvalidRequestException e) {
      return Optional.of(SendPreview.problem(key, e.violations().get(0).message()));
    }
    return Optional.of(render(version, locale == null ? null : RecipientRules.locale(locale).orElseThrow(), variables,
        form.channels()));
  }

  private SendPreview render(TemplateVersion version, String locale, Map<String, Object> variables,
      List<Channel> asked) {
    String key = version.templateKey();
    List<String> missing = new ArrayList<>();
    while (true) {
      try {
        RenderedTemplate rendered = templates.preview(key, version.version(), null, locale, variables);
        return shown(version, rendered, asked, missing, locale, variables);
      } catch (MissingTemplateVariableException e) {
        missing.add(e.variable());
        String placeholder = "{{" + e.variable() + "}}";
        if (missing.size() >= MAX_MISSING || !TemplateVariables.place(variables, e.variable(), placeholder)) {
          return SendPreview.problem(key, missing, e.getMessage());
        }
      } catch (TemplateRenderException e) {
        return SendPreview.problem(key, missing, e.getMessage());
      }
    }
  }

  /** The channels asked for (every one the template has, when none is), each part's fields by name. */
  private SendPreview shown(TemplateVersion version, RenderedTemplate rendered, List<Channel> asked,
      List<String> missing, String locale, Map<String, Object> variables) {
    String frame = EmailFrames.src(version.templateKey(), version.version(), locale, text(variables)).orElse(null);
    List<SendPreview.Part> parts = new ArrayList<>();
    List<Channel> uncovered = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      boolean wanted = asked.isEmpty() || asked.contains(channel);
      TemplatePart part = rendered.content().part(channel);
      if (wanted && part == null && !asked.isEmpty()) {
        uncovered.add(channel);
      } else if (wanted && part != null) {
        parts.add(part(channel, rendered.locales().get(channel), part, frame));
      }
    }
    List<String> locales = version.content().locales().keySet().stream().sorted().toList();
    return new SendPreview(version.templateKey(), version.version(), rendered.locale(), locales, parts, uncovered,
        List.copyOf(missing), null);
  }

  private SendPreview.Part part(Channel channel, String from, TemplatePart part, String frame) {
    Map<String, String> fields = new LinkedHashMap<>();
    json.convertValue(part, FIELDS).forEach((name, value) -> fields.put(name, text(value)));
    String html = fields.remove("html");
    return new SendPreview.Part(channel, from, fields, html, html == null ? null : frame);
  }

  private String text(Object value) {
    if (value instanceof String text) {
      return text;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
