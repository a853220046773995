package dev.herald.activities.push;

import com.google.api.client.http.javanet.ConnectionFactory;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;

/**
 * Sends the SDK's requests to another base URL: {@code https://fcm.googleapis.com/v1/...} becomes
 * {@code <base URL>/v1/...}. The request itself (method, headers, JSON body) is the SDK's own.
 */
final class BaseUrlConnectionFactory implements ConnectionFactory {

  private final String baseUrl;

  BaseUrlConnectionFactory(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  @Override
  public HttpURLConnection openConnection(URL url) throws IOException {
    return (HttpURLConnection) URI.create(baseUrl + url.getFile()).toURL().openConnection();
  }
}
