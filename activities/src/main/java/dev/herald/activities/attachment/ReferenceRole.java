package dev.herald.activities.attachment;

/** What a notification uses an attachment as (attachment_reference.role). */
enum ReferenceRole {
  /** A file its emails attach and its other messages link to, in the order the request named them. */
  ATTACHMENT,
  /** The image its pushes and in-app items show. */
  IMAGE
}
