package dev.herald.activities.recipient;

import dev.herald.activities.recipient.ImportResult.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Bulk import, streamed: rows are read one at a time and written in batches of {@link #BATCH_SIZE},
 * so memory stays flat whatever the size of the body. Each batch commits on its own: an import cut
 * short keeps the batches written before. A later row with the same id replaces an earlier one.
 */
@Component
public class RecipientImport {

  public static final int BATCH_SIZE = 500;
  public static final int MAX_REJECTIONS_LISTED = 1000;

  private final Recipients recipients;

  public RecipientImport(Recipients recipients) {
    this.recipients = recipients;
  }

  /** Imports into {@code owner}'s recipients. */
  public ImportResult run(String owner, InputStream body, ImportFormat format, String defaultPhoneRegion)
      throws IOException {
    Tally tally = new Tally(owner);
    format.read(new InputStreamReader(body, StandardCharsets.UTF_8), row -> tally.accept(row, defaultPhoneRegion));
    tally.flush();
    return new ImportResult(tally.created, tally.updated, tally.rejected, List.copyOf(tally.rejections));
  }

  private final class Tally {
    private final String owner;
    private final List<RecipientData> batch = new ArrayList<>(BATCH_SIZE);
    private final Set<String> batchIds = new HashSet<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private long created;
    private long updated;
    private long rejected;

    Tally(String owner) {
      this.owner = owner;
    }

    void accept(ParsedRow row, String defaultPhoneRegion) {
      if (row.error() != null) {
        reject(row.line(), row.error());
        return;
      }
      RecipientRules.Checked checked = RecipientRules.check(row.data(), defaultPhoneRegion);
      if (!checked.valid()) {
        reject(row.line(), String.join("; ", checked.violations().stream().map(Violation::toString).toList()));
        return;
      }
      if (batchIds.contains(checked.recipient().id())) {
        flush();
      }
      batch.add(checked.recipient());
      batchIds.add(checked.recipient().id());
      if (batch.size() == BATCH_SIZE) {
        flush();
      }
    }

    void flush() {
      Recipients.Written written = recipients.upsert(owner, batch);
      created += written.created();
      updated += written.updated();
      batch.clear();
      batchIds.clear();
    }

    private void reject(long line, String reason) {
      rejected++;
      if (rejections.size() < MAX_REJECTIONS_LISTED) {
        rejections.add(new Rejection(line, reason));
      }
    }
  }
}
