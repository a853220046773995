package dev.herald.activities.template;

/** No such template, version, or (for "the active version") no version published yet. Permanent. */
public class TemplateNotFoundException extends RuntimeException {

  public TemplateNotFoundException(String message) {
    super(message);
  }

  static TemplateNotFoundException template(String key) {
    return new TemplateNotFoundException("no template '" + key + "'");
  }

  static TemplateNotFoundException version(String key, int version) {
    return new TemplateNotFoundException("template '" + key + "' has no version " + version);
  }

  static TemplateNotFoundException noActiveVersion(String key) {
    return new TemplateNotFoundException("template '" + key + "' has no published version");
  }
}
