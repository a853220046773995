package dev.herald.api.inbox;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

/**
 * No such item in this recipient's inbox: also the answer for another recipient's item, so an id
 * tells nothing about inboxes other than one's own.
 */
class InboxItemNotFoundException extends ProblemException {

  InboxItemNotFoundException(long itemId) {
    super(ProblemType.NOT_FOUND, "no item " + itemId + " in this recipient's inbox");
  }
}
