package dev.herald.api.openapi;

/** The OpenAPI document's tags, one per feature: the controllers name theirs, {@link OpenApiConfig} describes them. */
public final class ApiTags {

  public static final String NOTIFICATIONS = "Notifications";
  public static final String APPROVALS = "Approvals";
  public static final String DEAD_LETTERS = "Dead letters";
  public static final String RECIPIENTS = "Recipients";
  public static final String GROUPS = "Groups";
  public static final String DEVICES = "Devices";
  public static final String PREFERENCES = "Preferences";
  public static final String TEMPLATES = "Templates";
  public static final String ATTACHMENTS = "Attachments";
  public static final String INBOX = "Inbox";
  public static final String WEBHOOKS = "Webhooks";
  public static final String TEMPORAL_CODEC = "Temporal codec";
  public static final String API_KEYS = "API keys";
  public static final String STATS = "Stats";
  public static final String DEV_KIT = "Dev kit";

  private ApiTags() {}
}
