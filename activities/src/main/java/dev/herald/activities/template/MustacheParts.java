package dev.herald.activities.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.herald.workflows.messages.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders channel parts with Mustache (logic-less): HTML-escaped in {@code email.html} only, as is
 * everywhere else (subjects, text, SMS, voice, push, in-app, Slack). Strict: a variable the template
 * references but the caller did not give fails with {@link MissingTemplateVariableException}; a null
 * value renders empty. Sections over a missing name are skipped (optional blocks: {@code {{#coupon}}}).
 * {@code {{{x}}}} is the author's explicit opt-out of escaping in {@code email.html}. No partials.
 */
final class MustacheParts {

  /** What loading a {@code {{> partial}}} does: refuse it, recognisably (jmustache wraps it in a MustacheException). */
  private static final Mustache.TemplateLoader NO_PARTIALS = name -> {
    throw new PartialRefused();
  };

  private static final Mustache.Compiler HTML =
      Mustache.compiler().escapeHTML(true).nullValue("").withLoader(NO_PARTIALS);
  private static final Mustache.Compiler PLAIN =
      Mustache.compiler().escapeHTML(false).nullValue("").withLoader(NO_PARTIALS);

  private static final class PartialRefused extends Exception {}

  private record Source(boolean html, String text) {}

  /** Compiled templates (immutable, thread-safe to execute) by source: a broadcast renders one per recipient. */
  private static final LruCache<Source, Template> COMPILED = new LruCache<>(1_000);

  private MustacheParts() {}

  /** The part of {@code channel}, rendered; a failing field is named after the channel (email.subject). */
  static TemplatePart render(Channel channel, TemplatePart part, Map<String, ?> variables) {
    return part.render(new PartFields(TemplateParts.key(channel), variables));
  }

  /** Compiles a source without rendering it. @throws TemplateRenderException naming {@code field} on bad syntax */
  static void check(String source, String field) {
    if (source != null && !names(compile(PLAIN, source, field)).partials().isEmpty()) {
      throw partials(field);
    }
  }

  /** The field is named {@code key.name} only when it fails: a broadcast renders per member. */
  static String execute(boolean html, String source, String key, String name, Map<String, ?> variables) {
    if (source == null) {
      return null;
    }
    Mustache.Compiler compiler = html ? HTML : PLAIN;
    Template template = COMPILED.get(new Source(html, source), k -> compile(compiler, source, key + "." + name));
    try {
      return template.execute(variables == null ? Map.of() : variables);
    } catch (MustacheException.Context e) {
      throw new MissingTemplateVariableException(referenced(template, e.key), key + "." + name);
    } catch (MustacheException e) {
      throw refused(e, key + "." + name);
    } catch (RuntimeException e) {
      // jmustache failing inside a tag it compiled ({{..}} throws an index error): the template's fault too
      throw new TemplateRenderException(key + "." + name, key + "." + name
          + ": Mustache cannot render it (a tag of dots alone, such as {{..}}, is one cause)");
    }
  }

  /**
   * The variable as the template wrote it: for {@code {{order.id}}} with no {@code order} at all,
   * Mustache reports {@code order}; the author wants to read {@code order.id}. For {@code {{.name}}}
   * it reports an empty name, which {@code {{.}}} (the current value, never missing) does not complete.
   */
  private static String referenced(Template template, String missing) {
    List<String> names = names(template).variables();
    return names.stream().filter(name -> name.equals(missing)).findFirst()
        .or(() -> names.stream().filter(name -> name.startsWith(missing + ".") && name.length() > missing.length() + 1)
            .findFirst())
        .orElse(missing);
  }

  private record Names(List<String> variables, List<String> partials) {}

  /** The variables and partials a template references, sections included, in source order. */
  private static Names names(Template template) {
    Names names = new Names(new ArrayList<>(), new ArrayList<>());
    template.visit(new Mustache.Visitor() {
      @Override public void visitText(String text) {}

      @Override public void visitVariable(String name) {
        names.variables().add(name);
      }

      @Override public boolean visitInclude(String name) {
        names.partials().add(name);
        return false;
      }

      @Override public boolean visitSection(String name) {
        return true;
      }

      @Override public boolean visitInvertedSection(String name) {
        return true;
      }
    });
    return names;
  }

  private static Template compile(Mustache.Compiler compiler, String source, String field) {
    try {
      return compiler.compile(source);
    } catch (MustacheException e) {
      throw refused(e, field);
    }
  }

  private static TemplateRenderException refused(MustacheException e, String field) {
    return e.getCause() instanceof PartialRefused ? partials(field)
        : new TemplateRenderException(field, field + ": " + e.getMessage());
  }

  private static TemplateRenderException partials(String field) {
    return new TemplateRenderException(field, field + ": partials ({{> name}}) are not supported");
  }
}
