package dev.herald.api.inbox;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No such item in this recipient's inbox: also the answer for another recipient's item, so an id
 * tells nothing about inboxes other than one's own. A 404 problem detail (RFC 9457).
 */
class InboxItemNotFoundException extends ErrorResponseException {

  InboxItemNotFoundException(long itemId) {
    super(HttpStatus.NOT_FOUND, problem(itemId), null);
  }

  private static ProblemDetail problem(long itemId) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
        "no item " + itemId + " in this recipient's inbox");
    problem.setType(URI.create("/problems/not-found"));
    problem.setTitle("Inbox item not found");
    return problem;
  }
}
