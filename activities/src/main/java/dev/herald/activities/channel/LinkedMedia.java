package dev.herald.activities.channel;

/** What of a notification's attachments and image a channel's messages carry as signed download links. */
public enum LinkedMedia {
  /** None (email attaches the files themselves; voice carries none). */
  NONE(false, false),
  /** A link per attachment (SMS, Slack). */
  ATTACHMENTS(true, false),
  /** A link per attachment and one to the image (push, in-app). */
  ATTACHMENTS_AND_IMAGE(true, true);

  private final boolean attachments;
  private final boolean image;

  LinkedMedia(boolean attachments, boolean image) {
    this.attachments = attachments;
    this.image = image;
  }

  public boolean attachments() {
    return attachments;
  }

  public boolean image() {
    return image;
  }
}
