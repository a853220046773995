package dev.herald.activities.sms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Opt-outs kept in memory, for activity tests. */
final class InMemorySmsOptOuts implements SmsOptOuts {

  final Map<String, String> optedOut = new ConcurrentHashMap<>();

  @Override
  public boolean isOptedOut(String phone) {
    return optedOut.containsKey(phone);
  }

  @Override
  public void optOut(String phone, String source) {
    optedOut.putIfAbsent(phone, source);
  }

  @Override
  public void optIn(String phone) {
    optedOut.remove(phone);
  }
}
