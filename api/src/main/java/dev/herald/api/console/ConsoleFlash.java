package dev.herald.api.console;

import dev.herald.activities.apikey.ApiKeyFormat;
import dev.herald.api.console.session.SessionCookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.AbstractFlashMapManager;

/**
 * Flash attributes (the message after a redirect, a new API key shown once) kept in memory by
 * console session instead of in a servlet session: Herald opens no HttpSession and sets no
 * JSESSIONID cookie. They live for the redirect that follows (at most {@code flashMapTimeout}); with
 * several API instances, route /console with session affinity or the next page may miss its message.
 */
@Component(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
class ConsoleFlash extends AbstractFlashMapManager {

  private static final int MAX_SESSIONS = 10_000;

  private final Map<String, List<FlashMap>> bySession = new ConcurrentHashMap<>();
  private final SessionCookie cookie;

  ConsoleFlash(ConsoleProperties settings) {
    this.cookie = new SessionCookie(settings);
  }

  @Override
  protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
    return key(request).map(bySession::get).orElse(null);
  }

  @Override
  protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
    key(request).ifPresent(key -> {
      if (flashMaps.isEmpty()) {
        bySession.remove(key);
        return;
      }
      if (bySession.size() >= MAX_SESSIONS && !bySession.containsKey(key)) {
        bySession.clear();
      }
      bySession.put(key, new ArrayList<>(flashMaps));
    });
  }

  @Override
  protected Object getFlashMapsMutex(HttpServletRequest request) {
    return bySession;
  }

  private Optional<String> key(HttpServletRequest request) {
    return cookie.read(request).map(token -> HexFormat.of().formatHex(ApiKeyFormat.hash(token)));
  }
}
