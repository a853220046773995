package dev.herald.activities.template;

import dev.herald.workflows.messages.Channel;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The template store. A template's versions are numbered 1, 2, ... and never change once written;
 * publishing one makes it the template's active version, and the others stay as history. A template
 * can be deleted (with its versions) only while none of its versions is active. A preview renders a
 * version without sending.
 */
@Component
public class Templates {

  private final TemplateRepository templates;
  private final TemplateVersionRepository versions;

  public Templates(TemplateRepository templates, TemplateVersionRepository versions) {
    this.templates = templates;
    this.versions = versions;
  }

  /** @throws TemplateStateException when the key is taken */
  @Transactional
  public Template create(String key, String owner, String description) {
    if (templates.insertIfAbsent(key, owner, description) == 0) {
      throw new TemplateStateException("template '" + key + "' exists already");
    }
    return templates.findByKey(key).orElseThrow(() -> TemplateNotFoundException.template(key));
  }

  public Optional<Template> find(String key) {
    return templates.findByKey(key);
  }

  /** Templates of one owner, or all when {@code owner} is null, by key. */
  public List<Template> list(String owner) {
    return owner == null ? templates.findAllByKey() : templates.findByOwner(owner);
  }

  /**
   * @return false when there is no such template
   * @throws TemplateStateException when a version is active
   */
  @Transactional
  public boolean delete(String key) {
    if (templates.lock(key) == 0) {
      return false;
    }
    if (templates.deleteUnpublished(key) == 0) {
      throw new TemplateStateException("template '" + key + "' has an active version; it cannot be deleted");
    }
    return true;
  }

  /** Writes version n+1. @throws TemplateNotFoundException when there is no such template */
  @Transactional
  public TemplateVersion addVersion(String key, TemplateContent content) {
    if (templates.lock(key) == 0) {
      throw TemplateNotFoundException.template(key);
    }
    return versions.insertNext(key, content);
  }

  public Optional<TemplateVersion> version(String key, int version) {
    return versions.find(key, version);
  }

  /** Every version, oldest first. */
  public List<TemplateVersion> versions(String key) {
    return versions.findAll(key);
  }

  /** The newest version of each of these templates, by key; a template without versions is absent. */
  public Map<String, LatestVersion> latestVersions(Collection<String> keys) {
    return versions.latest(keys).stream().collect(Collectors.toMap(LatestVersion::templateKey, v -> v));
  }

  /** The given version, or the active one when {@code version} is null. @throws TemplateNotFoundException */
  public TemplateVersion resolve(String key, Integer version) {
    if (version != null) {
      return version(key, version).orElseThrow(() -> find(key).isEmpty()
          ? TemplateNotFoundException.template(key) : TemplateNotFoundException.version(key, version));
    }
    Template template = find(key).orElseThrow(() -> TemplateNotFoundException.template(key));
    if (template.activeVersion() == null) {
      throw TemplateNotFoundException.noActiveVersion(key);
    }
    int active = template.activeVersion();
    return version(key, active).orElseThrow(() -> TemplateNotFoundException.version(key, active));
  }

  /** Makes the version the active one; publishing the active version again changes nothing. */
  @Transactional
  public Template publish(String key, int version) {
    if (templates.lock(key) == 0) {
      throw TemplateNotFoundException.template(key);
    }
    if (versions.find(key, version).isEmpty()) {
      throw TemplateNotFoundException.version(key, version);
    }
    templates.activate(key, version);
    versions.markPublished(key, version);
    return templates.findByKey(key).orElseThrow(() -> TemplateNotFoundException.template(key));
  }

  /**
   * Renders a version for a channel and locale with the caller's variables, sending nothing.
   *
   * @param version null for the active version
   * @param channel null for every channel the version has
   * @throws TemplateNotFoundException no such template or version, or none published
   * @throws MissingTemplateVariableException a referenced variable is absent
   * @throws TemplateRenderException the version has no part for the channel
   */
  public RenderedTemplate preview(String key, Integer version, Channel channel, String locale,
      Map<String, ?> variables) {
    return TemplateRenderer.render(resolve(key, version), channel, locale, variables);
  }
}
