package dev.herald.workflows.messages;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the approval signal carries: the body of the REST approval ({@code decision}, {@code
 * comment}, {@code approver}) and, when the API sends it, the approving key's prefix. Kept as text
 * so a signal from the Temporal CLI or UI with a wrong decision still arrives and is refused
 * visibly instead of failing to deserialize. Signals recorded before carried {@code decidedBy}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApprovalSignal(String decision, String comment, @JsonAlias("decidedBy") String approver,
    String approverKey) {

  public static ApprovalSignal of(Decision decision, String comment, String approver, String approverKey) {
    return new ApprovalSignal(decision.name(), comment, approver, approverKey);
  }
}
