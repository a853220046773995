package dev.herald.activities.recipient;

import java.util.List;

/**
 * What an import did: every row counted; {@code rejections} lists the first
 * {@link RecipientImport#MAX_REJECTIONS_LISTED} rejected rows (line numbers from 1, the CSV header being line 1).
 */
public record ImportResult(long created, long updated, long rejected, List<Rejection> rejections) {

  public record Rejection(long line, String reason) {}
}
