package dev.herald.activities.push;

import java.util.List;

/** Pushes one message to a recipient's devices: one provider call per token. */
public interface PushSender {

  /** One result per token, in the tokens' order; a failure on one token does not stop the others. */
  List<PushResult> send(List<String> tokens, PushMessage message);
}
