package dev.herald.activities.preference;

import java.time.Instant;

/** Why a member is not sent now: skipped for good ({@code skip}), or held back until {@code holdUntil} (quiet hours). */
public record Verdict(SkipReason skip, Instant holdUntil) {

  static Verdict skipped(SkipReason reason) {
    return new Verdict(reason, null);
  }

  static Verdict held(Instant until) {
    return new Verdict(null, until);
  }

  public boolean held() {
    return holdUntil != null;
  }
}
