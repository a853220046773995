package dev.herald.workflows.messages;

import java.util.Map;

/**
 * What a digest workflow carries into its next run (continue-as-new): the window still collecting, if
 * any, and the events it placed lately with the digest each went into (oldest first), so a repeated
 * hand-over still finds its digest. The first run has neither.
 */
public record DigestCarry(DigestWindow open, Map<String, String> placed) {

  public static final DigestCarry NONE = new DigestCarry(null, Map.of());
}
