package dev.herald.activities.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.herald.activities.template.ChannelParts.Email;
import dev.herald.activities.template.ChannelParts.InApp;
import dev.herald.activities.template.ChannelParts.Push;
import dev.herald.activities.template.ChannelParts.Slack;
import dev.herald.activities.template.ChannelParts.Sms;
import dev.herald.activities.template.ChannelParts.Voice;
import dev.herald.workflows.messages.Channel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders channel parts with Mustache (logic-less): HTML-escaped in {@code email.html} only, as is
 * everywhere else (subjects, text, SMS, voice, push, in-app, Slack). Strict: a variable the template
 * references but the caller did not give fails with {@link MissingTemplateVariableException}; a null
 * value renders empty. Sections over a missing name are skipped (optional blocks: {@code {{#coupon}}}).
 * {@code {{{x}}}} is the author's explicit opt-out of escaping in {@code email.html}. No partials.
 */
public final class MustacheParts {

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

  /** The part of {@code channel}, rendered; {@code field} prefixes come from the channel (email.subject). */
  public static Object render(Channel channel, Object part, Map<String, ?> variables) {
    return switch (channel) {
      case EMAIL -> {
        Email email = (Email) part;
        yield new Email(plain(email.from(), "email.from", variables), plain(email.subject(), "email.subject", variables),
            html(email.html(), "email.html", variables), plain(email.text(), "email.text", variables));
      }
      case SMS -> {
        Sms sms = (Sms) part;
        yield new Sms(plain(sms.from(), "sms.from", variables), plain(sms.body(), "sms.body", variables));
      }
      case VOICE -> {
        Voice voice = (Voice) part;
        yield new Voice(plain(voice.from(), "voice.from", variables), plain(voice.script(), "voice.script", variables),
            plain(voice.voice(), "voice.voice", variables), plain(voice.language(), "voice.language", variables));
      }
      case PUSH -> {
        Push push = (Push) part;
        yield new Push(plain(push.title(), "push.title", variables), plain(push.body(), "push.body", variables),
            plain(push.icon(), "push.icon", variables), plain(push.link(), "push.link", variables),
            data(push.data(), variables));
      }
      case IN_APP -> {
        InApp inApp = (InApp) part;
        yield new InApp(plain(inApp.title(), "inApp.title", variables), plain(inApp.body(), "inApp.body", variables),
            plain(inApp.link(), "inApp.link", variables));
      }
      case SLACK -> new Slack(plain(((Slack) part).text(), "slack.text", variables));
    };
  }

  /** Compiles a source without rendering it. @throws TemplateRenderException naming {@code field} on bad syntax */
  public static void check(String source, String field) {
    if (source != null && !names(compile(PLAIN, source, field)).partials().isEmpty()) {
      throw partials(field);
    }
  }

  private static Map<String, String> data(Map<String, String> data, Map<String, ?> variables) {
    if (data == null) {
      return null;
    }
    Map<String, String> rendered = new LinkedHashMap<>();
    data.forEach((key, value) -> rendered.put(key, plain(value, "push.data." + key, variables)));
    return rendered;
  }

  private static String plain(String source, String field, Map<String, ?> variables) {
    return execute(PLAIN, source, field, variables);
  }

  private static String html(String source, String field, Map<String, ?> variables) {
    return execute(HTML, source, field, variables);
  }

  private static String execute(Mustache.Compiler compiler, String source, String field, Map<String, ?> variables) {
    if (source == null) {
      return null;
    }
    Template template = COMPILED.get(new Source(compiler == HTML, source), key -> compile(compiler, source, field));
    try {
      return template.execute(variables == null ? Map.of() : variables);
    } catch (MustacheException.Context e) {
      throw new MissingTemplateVariableException(referenced(template, e.key), field);
    } catch (MustacheException e) {
      throw refused(e, field);
    }
  }

  /**
   * The variable as the template wrote it: for {@code {{order.id}}} with no {@code order} at all,
   * Mustache reports {@code order}; the author wants to read {@code order.id}.
   */
  private static String referenced(Template template, String missing) {
    List<String> names = names(template).variables();
    return names.stream().filter(name -> name.equals(missing)).findFirst()
        .or(() -> names.stream().filter(name -> name.startsWith(missing + ".")).findFirst())
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
