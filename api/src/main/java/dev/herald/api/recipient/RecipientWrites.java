package dev.herald.api.recipient;

import dev.herald.activities.recipient.ImportFormat;
import dev.herald.activities.recipient.ImportResult;
import dev.herald.activities.recipient.RecipientData;
import dev.herald.activities.recipient.RecipientImport;
import dev.herald.activities.recipient.RecipientRules;
import dev.herald.activities.recipient.Recipients;
import dev.herald.activities.recipient.StoredRecipient;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.notification.NotificationSettings;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writing a sender's recipients by the rules of {@code PUT /api/v1/recipients/{id}} and of the
 * streamed import, for the REST API and the console alike.
 */
@Component
public class RecipientWrites {

  public static final String JSON_LINES = "application/x-ndjson";
  public static final String CSV = "text/csv";
  /** Where a file of recipients is imported, by the API and by the console's page: streamed, of any size. */
  public static final String API_IMPORT_PATH = "/api/v1/recipients/import";
  public static final String CONSOLE_IMPORT_PATH = "/console/recipients/import";

  private final Recipients recipients;
  private final RecipientImport importer;
  private final NotificationSettings settings;

  RecipientWrites(Recipients recipients, RecipientImport importer, NotificationSettings settings) {
    this.recipients = recipients;
    this.importer = importer;
    this.settings = settings;
  }

  /** What a put did: whether the recipient is new, and the recipient as stored. */
  public record Put(boolean created, StoredRecipient recipient) {}

  /** Creates or replaces the owner's recipient {@code id}; an {@link InvalidRequestException} names every wrong field. */
  public Put put(String owner, String id, RecipientRequest request) {
    RecipientData checked = check(id, request);
    boolean created = recipients.put(owner, checked);
    return new Put(created, recipients.find(owner, id).orElseThrow(() -> new RecipientNotFoundException(id)));
  }

  /** The request's recipient checked and normalized (phone in E.164, the locale's canonical tag). */
  public RecipientData check(String id, RecipientRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    if (request.id() != null && !request.id().equals(id)) {
      violations.add(new FieldViolation("id", "must be the id in the path ('" + id + "') or left out"));
    }
    RecipientRules.Checked checked = RecipientRules.check(new RecipientData(id, request.name(), request.locale(),
        request.timeZone(), request.email(), request.phone(), request.slack(), request.attributes()),
        settings.defaultPhoneRegion());
    checked.violations().forEach(v -> violations.add(new FieldViolation(v.field(), v.message())));
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return checked.recipient();
  }

  /** Imports a body read as it arrives, in batches, into the owner's recipients; the counts come at the end. */
  public ImportResult importRows(String owner, InputStream body, ImportFormat format) throws IOException {
    return importer.run(owner, body, format, settings.defaultPhoneRegion());
  }

  /** The import format of a body's media type: {@link #CSV} or {@link #JSON_LINES}. */
  public static Optional<ImportFormat> format(MediaType type) {
    if (type == null) {
      return Optional.empty();
    }
    if (MediaType.parseMediaType(CSV).isCompatibleWith(type)) {
      return Optional.of(ImportFormat.CSV);
    }
    return MediaType.parseMediaType(JSON_LINES).isCompatibleWith(type) ? Optional.of(ImportFormat.JSON_LINES)
        : Optional.empty();
  }
}
