package dev.herald.activities.attachment;

/** Where an attachment is in its life: its bytes being written, kept, or gone (deleted by its sender, or expired). */
public enum AttachmentStatus {
  UPLOADING,
  STORED,
  DELETED,
  EXPIRED;

  /** Whether its bytes are there to be read. */
  public boolean isStored() {
    return this == STORED;
  }
}
