package dev.herald.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** Bodies over the limit are refused, except the recipient imports', which are streamed. */
class BodyLimitTest {

  private final BodyLimit limit = new BodyLimit(new ApiProperties("test", DataSize.ofBytes(10), Duration.ofDays(30)), new ObjectMapper());

  @Test
  void aLargerBodyIsRefusedBeforeItIsRead() throws Exception {
    MockHttpServletResponse response = post("/api/v1/recipients/x");

    assertThat(response.getStatus()).isEqualTo(413);
  }

  @Test
  void theApisAndTheConsolesImportsTakeBodiesOfAnySize() throws Exception {
    assertThat(post("/api/v1/recipients/import").getStatus()).isEqualTo(200);
    assertThat(post("/console/recipients/import").getStatus()).isEqualTo(200);
  }

  private MockHttpServletResponse post(String path) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setContent(new byte[11]);
    MockHttpServletResponse response = new MockHttpServletResponse();
    limit.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
