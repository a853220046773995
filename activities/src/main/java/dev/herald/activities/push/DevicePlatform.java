package dev.herald.activities.push;

/** Where a push token lives: a browser (web push) or a phone app. All go through FCM. */
public enum DevicePlatform {
  WEB,
  ANDROID,
  IOS
}
