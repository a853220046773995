package dev.herald.api.console.send;

import dev.herald.activities.group.GroupSummary;
import dev.herald.activities.group.RecipientGroups;
import dev.herald.activities.preference.Categories;
import dev.herald.activities.template.Template;
import dev.herald.api.console.FormErrors;
import dev.herald.api.console.attachment.ConsoleAttachments;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.notification.NotificationSettings;
import dev.herald.api.security.Caller;
import dev.herald.api.template.CallerTemplates;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelMode;
import dev.herald.workflows.messages.Priority;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the send form shows around what was typed: the caller's published templates, the sending
 * sender's groups with their sizes (and whether each needs approval), the enabled channels, the
 * described categories, the files uploaded for it and the attachments' limits, the preview of the chosen
 * template, the approval warning for the audience, the time zone used.
 */
@Component
class SendFormView {

  static final String PAGE = "console/send/send";
  static final String LIVE = "console/send/live :: live";
  /** The groups the select offers, by key. */
  static final int MAX_GROUPS = 500;

  record TemplateOption(String key, String label) {}

  record GroupOption(String key, String label, long size, boolean needsApproval, String warning) {}

  private final CallerTemplates templates;
  private final RecipientGroups groups;
  private final NotificationSettings settings;
  private final ApprovalWarnings approval;
  private final SendPreviews previews;
  private final Categories categories;
  private final ConsoleAttachments attachments;

  SendFormView(CallerTemplates templates, RecipientGroups groups, NotificationSettings settings, ApprovalWarnings approval,
      SendPreviews previews, Categories categories, ConsoleAttachments attachments) {
    this.templates = templates;
    this.groups = groups;
    this.settings = settings;
    this.approval = approval;
    this.previews = previews;
    this.categories = categories;
    this.attachments = attachments;
  }

  /** The whole form: what was typed, with the preview's missing variables as rows to fill. */
  void form(Model model, SendForm form, Caller caller, FormErrors errors) {
    Optional<SendPreview> preview = previews.preview(form, caller);
    List<GroupOption> groupOptions = groupOptions(form, caller);
    model.addAttribute("form", form.withRows(preview.map(SendPreview::missing).orElse(List.of())));
    model.addAttribute("errors", errors);
    model.addAttribute("templates", templateOptions(caller));
    model.addAttribute("groups", groupOptions);
    model.addAttribute("channels", Arrays.stream(Channel.values()).filter(settings.channels()::contains).toList());
    model.addAttribute("modes", ChannelMode.values());
    model.addAttribute("priorities", Priority.values());
    model.addAttribute("categories", categories.list());
    model.addAttribute("zone", zone(form));
    model.addAttribute("attachmentRows", attachments.rows(form.attachments(), caller));
    model.addAttribute("attachmentLimits", attachments.limits());
    live(model, form, preview, groupOptions);
  }

  /** The parts the page's script refreshes as the form changes: the preview and the approval warning. */
  void live(Model model, SendForm form, Caller caller) {
    live(model, form, previews.preview(form, caller), groupOptions(form, caller));
  }

  private void live(Model model, SendForm form, Optional<SendPreview> preview, List<GroupOption> groupOptions) {
    model.addAttribute("preview", preview.orElse(null));
    model.addAttribute("approval", approvalWarning(form, groupOptions).orElse(null));
  }

  private Optional<String> approvalWarning(SendForm form, List<GroupOption> groupOptions) {
    String group = SendForm.present(form.group());
    if (group == null) {
      return approval.warning(new RecipientLines(form).count());
    }
    return groupOptions.stream().filter(g -> g.key().equals(group)).findFirst()
        .flatMap(g -> Optional.ofNullable(g.warning()));
  }

  private List<TemplateOption> templateOptions(Caller caller) {
    return templates.list(caller, null).stream().filter(t -> t.activeVersion() != null)
        .map(t -> new TemplateOption(t.templateKey(), label(t, caller))).toList();
  }

  private static String label(Template template, Caller caller) {
    String owner = caller.isAdmin() && !template.owner().equals(caller.sender()) ? ", " + template.owner() + "'s" : "";
    String description = template.description() == null || template.description().isBlank() ? ""
        : " – " + template.description();
    return template.templateKey() + description + " (version " + template.activeVersion() + owner + ")";
  }

  /** The groups of the sender the form sends as: the caller's own, or the one an admin names. */
  private List<GroupOption> groupOptions(SendForm form, Caller caller) {
    String sender = caller.isAdmin() && SendForm.present(form.sender()) != null ? form.sender().strip() : caller.sender();
    return groups.page(sender, null, MAX_GROUPS).stream().map(this::option).toList();
  }

  private GroupOption option(GroupSummary group) {
    boolean needs = approval.needed(group.size());
    String name = group.name() == null || group.name().isBlank() || group.name().equals(group.key()) ? group.key()
        : group.name() + " (" + group.key() + ")";
    String label = String.format(Locale.ROOT, "%s – %,d member%s%s", name, group.size(), group.size() == 1 ? "" : "s",
        needs ? ", needs approval" : "");
    return new GroupOption(group.key(), label, group.size(), needs, needs ? approval.text(group.size()) : null);
  }

  private static String zone(SendForm form) {
    try {
      return SendTime.zone(form.timeZone()).getId();
    } catch (InvalidRequestException e) {
      return form.timeZone();
    }
  }
}
