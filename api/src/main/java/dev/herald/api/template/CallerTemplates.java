package dev.herald.api.template;

import dev.herald.activities.template.Template;
import dev.herald.activities.template.TemplateNotFoundException;
import dev.herald.activities.template.Templates;
import dev.herald.api.security.Caller;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The templates a caller may see, for the REST API and the console alike: a sender its own, an admin
 * any (or one owner's when it names one). Another sender's template is not found, so keys do not leak.
 */
@Component
public class CallerTemplates {

  private final Templates templates;

  CallerTemplates(Templates templates) {
    this.templates = templates;
  }

  /** The caller's template of this key. @throws TemplateNotFoundException when there is none it may see */
  public Template find(String key, Caller caller) {
    return templates.find(key).filter(t -> caller.actsFor(t.owner()))
        .orElseThrow(() -> new TemplateNotFoundException("no template '" + key + "'"));
  }

  /** The caller's templates by key; an admin's of {@code owner}, or all when null; a sender naming another gets none. */
  public List<Template> list(Caller caller, String owner) {
    if (!caller.isAdmin() && owner != null && !owner.equals(caller.sender())) {
      return List.of();
    }
    return templates.list(caller.isAdmin() ? owner : caller.sender());
  }
}
