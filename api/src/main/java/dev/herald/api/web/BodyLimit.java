package dev.herald.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.api.attachment.AttachmentUploads;
import dev.herald.api.problem.BodyTooLargeException;
import dev.herald.api.problem.ProblemType;
import dev.herald.api.recipient.RecipientWrites;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies up to {@code herald.api.max-body-size}: a larger declared length is a 413 problem
 * before anything is read, a longer body without one stops being read there (a 413 too). The
 * recipient import streams its body in batches and has no limit; an attachment upload has its own
 * (herald.attachments.max-size).
 */
@Component
@EnableConfigurationProperties(ApiProperties.class)
class BodyLimit extends OncePerRequestFilter {

  static final Set<String> STREAMED_PATHS = Set.of(RecipientWrites.API_IMPORT_PATH, RecipientWrites.CONSOLE_IMPORT_PATH,
      AttachmentUploads.PATH, AttachmentUploads.CONSOLE_PATH);

  private final long maxBytes;
  private final ObjectMapper json;

  BodyLimit(ApiProperties properties, ObjectMapper json) {
    this.maxBytes = properties.maxBodySize().toBytes();
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return STREAMED_PATHS.contains(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      var problem = ProblemType.BODY_TOO_LARGE.detail(BodyTooLargeException.DETAIL);
      response.setStatus(problem.getStatus());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), problem);
      return;
    }
    chain.doFilter(new LimitedRequest(request, maxBytes), response);
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long maxBytes;
    private ServletInputStream limited;

    LimitedRequest(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (limited == null) {
        limited = new LimitedStream(super.getInputStream(), maxBytes);
      }
      return limited;
    }
  }

  private static final class LimitedStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long maxBytes;
    private long read;

    LimitedStream(ServletInputStream in, long maxBytes) {
      this.in = in;
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      read += n;
      if (read > maxBytes) {
        throw new BodyTooLargeException();
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
